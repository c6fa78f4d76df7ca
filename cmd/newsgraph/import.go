package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func newImportCmd(opt *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "import [--db PATH] [--format F] FILE...",
		Short: "Load quad files (N-Quads, JSON-LD, ...; gzip or not) into the store",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := graph.Open(opt.db, graph.Options{})
			if err != nil {
				return err
			}
			defer store.Close()
			total := 0
			for _, path := range args {
				n, err := importFile(store, path, format, cmd.InOrStdin())
				total += n
				if err != nil {
					return fmt.Errorf("import %s: %w", path, err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "imported %d quads from %s\n", n, path)
			}
			return store.Close()
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "input format (default: from the file extension, else nquads)")
	return cmd
}

func importFile(store *graph.Store, path, format string, stdin io.Reader) (int, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r = f
	}
	r, err := decompress(r)
	if err != nil {
		return 0, err
	}
	fmtName := format
	if fmtName == "" {
		base := strings.TrimSuffix(filepath.Base(path), ".gz")
		if f := quad.FormatByExt(filepath.Ext(base)); f != nil {
			fmtName = f.Name
		} else {
			fmtName = "nquads"
		}
	}
	f := formatByName(fmtName)
	if f == nil || f.Reader == nil {
		return 0, fmt.Errorf("cannot read format %q", fmtName)
	}
	qr := f.Reader(r)
	defer qr.Close()
	return store.Import(qr)
}
