package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/serve"
)

func newServeCmd(opt *options) *cobra.Command {
	var addr string
	cfg := serve.Config{}
	cmd := &cobra.Command{
		Use:   "serve [--db PATH] [--addr 127.0.0.1:64210]",
		Short: "Serve Cayley's HTTP API and web console over the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := graph.Open(opt.db, graph.Options{ReadOnly: !cfg.Writable})
			if err != nil {
				return err
			}
			defer store.Close()
			h, err := serve.Handler(store, cfg)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			srv := &http.Server{
				Handler:           h,
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       time.Minute,
				WriteTimeout:      cfg.Timeout + time.Minute,
				IdleTimeout:       2 * time.Minute,
			}
			mode := "read-only"
			if cfg.Writable {
				mode = "writable"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "newsgraph: serving %s (%s) at http://%s/ — console at /, API at /api/v2/; Ctrl-C to stop\n", store.Location(), mode, ln.Addr())
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			fmt.Fprintln(cmd.ErrOrStderr(), "newsgraph: shutting down")
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return store.Close()
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:64210", "address to listen on")
	cmd.Flags().BoolVar(&cfg.Writable, "writable", false, "accept writes through the API")
	cmd.Flags().DurationVar(&cfg.Timeout, "timeout", serve.DefaultTimeout, "longest a query may run")
	cmd.Flags().IntVar(&cfg.Limit, "limit", serve.DefaultLimit, "most results a query may return")
	cmd.Flags().Int64Var(&cfg.MaxBody, "max-body", serve.DefaultMaxBody, "largest request body, in bytes")
	return cmd
}
