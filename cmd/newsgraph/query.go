package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func newQueryCmd(opt *options) *cobra.Command {
	var lang string
	var limit int
	var timeout time.Duration
	var maxMemoryMiB int64
	cmd := &cobra.Command{
		Use:   "query [--lang gizmo|graphql|mql] [--limit N] [--timeout D] [QUERY]",
		Short: "Run a query and print its results as JSON; with no QUERY, a prompt",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := graph.Open(opt.db, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer store.Close()
			qo := graph.QueryOptions{Lang: lang, Limit: limit, Timeout: timeout, MaxMemory: maxMemoryMiB << 20}
			if maxMemoryMiB < 0 {
				qo.MaxMemory = -1
			}
			run := func(text string, w io.Writer) error {
				res, truncated, err := store.Query(context.Background(), text, qo)
				if err != nil {
					return queryError(err)
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(res); err != nil {
					return err
				}
				if truncated {
					fmt.Fprintf(cmd.ErrOrStderr(), "newsgraph: results cut at the limit of %d (--limit)\n", qo.Limit)
				}
				return nil
			}
			if len(args) == 1 {
				return run(args[0], cmd.OutOrStdout())
			}
			return prompt(cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), lang, run)
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "gizmo", "query language: gizmo, graphql or mql")
	cmd.Flags().IntVar(&limit, "limit", graph.DefaultLimit, "most results to return")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "stop a query running longer than this (0: never)")
	cmd.Flags().Int64Var(&maxMemoryMiB, "max-memory", graph.DefaultMaxMemory>>20, "stop a query whose memory use grows past this many MiB (-1: never)")
	return cmd
}

// queryError adds to a stopped query's error the flag that moves the bound.
func queryError(err error) error {
	switch {
	case errors.Is(err, graph.ErrTimeout):
		return fmt.Errorf("%w (raise it with --timeout)", err)
	case errors.Is(err, graph.ErrMemory):
		return fmt.Errorf("%w (raise it with --max-memory)", err)
	}
	return err
}

// prompt reads queries line by line (a line ending in \ continues) and
// prints each result; errors are shown and the prompt goes on.
func prompt(in io.Reader, out, errw io.Writer, lang string, run func(string, io.Writer) error) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	fmt.Fprintf(out, "newsgraph %s prompt: one query per line (end a line with \\ to continue), Ctrl-D to quit\n", lang)
	var buf strings.Builder
	for {
		if buf.Len() == 0 {
			fmt.Fprint(out, lang+"> ")
		} else {
			fmt.Fprint(out, "... ")
		}
		if !sc.Scan() {
			fmt.Fprintln(out)
			return sc.Err()
		}
		line := sc.Text()
		if strings.HasSuffix(line, "\\") {
			buf.WriteString(strings.TrimSuffix(line, "\\") + "\n")
			continue
		}
		buf.WriteString(line)
		q := strings.TrimSpace(buf.String())
		buf.Reset()
		if q == "" {
			continue
		}
		if err := run(q, out); err != nil {
			fmt.Fprintln(errw, "error:", err)
		}
	}
}
