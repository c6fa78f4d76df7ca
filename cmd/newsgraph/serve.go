package main

import (
	"context"
	"fmt"
	"net"
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
	var maxMemoryMiB int64
	cfg := serve.Config{}
	cmd := &cobra.Command{
		Use:   "serve [--db PATH] [--addr 127.0.0.1:64210] [--writable]",
		Short: "Serve Cayley's HTTP API and web console over the store",
		Long: `Serve Cayley's web console at /, example queries at /examples, Cayley's
API v2 at /api/v2/ and the v1 query route POST /api/v1/query/LANG, all from
one origin. The console needs no network: its editor and icons are built in.

By default the server listens on 127.0.0.1 only and is read-only; every
query runs under a timeout and returns at most --limit results (the rest
are cut and the answer says "truncated"), and queries are stopped when the
server's memory passes --max-memory. Ctrl-C (SIGINT) or SIGTERM stops it,
letting running requests finish.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.MaxMemory = maxMemoryMiB << 20
			if maxMemoryMiB < 0 {
				cfg.MaxMemory = -1
			}
			loopback := serve.IsLoopback(addr)
			if !loopback {
				cfg.Hosts = []string{"*"}
			}
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
			mode := "read-only"
			if cfg.Writable {
				mode = "writable"
			}
			stderr := cmd.ErrOrStderr()
			if !loopback {
				fmt.Fprintf(stderr, "newsgraph: warning: listening on %s, reachable from other machines; the API has no authentication\n", ln.Addr())
			}
			fmt.Fprintf(stderr, "newsgraph: serving %s (%s) at %s — console at /, examples at /examples, API at /api/v2/; Ctrl-C to stop\n",
				store.Location(), mode, serveURL(ln.Addr()))
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if err := serve.Serve(ctx, serve.NewServer(h, cfg), ln, 10*time.Second); err != nil {
				return err
			}
			fmt.Fprintln(stderr, "newsgraph: stopped")
			return store.Close()
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:64210", "address to listen on (host:port); another host than 127.0.0.1 or localhost makes the server reachable from other machines")
	cmd.Flags().BoolVar(&cfg.Writable, "writable", false, "accept writes and deletes through the API and the console's Write page")
	cmd.Flags().DurationVar(&cfg.Timeout, "timeout", serve.DefaultTimeout, "longest a query may run")
	cmd.Flags().IntVar(&cfg.Limit, "limit", serve.DefaultLimit, "most results a query may return")
	cmd.Flags().Int64Var(&cfg.MaxBody, "max-body", serve.DefaultMaxBody, "largest request body (query or upload), in bytes")
	cmd.Flags().IntVar(&cfg.MaxQueries, "max-queries", serve.DefaultMaxQueries, "queries that may run at once")
	cmd.Flags().Int64Var(&maxMemoryMiB, "max-memory", serve.DefaultMaxMemory>>20, "stop running queries when the server's heap passes this many MiB (-1: never)")
	return cmd
}

// serveURL is the address to open in a browser for a listener.
func serveURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	switch {
	case tcp.IP.IsUnspecified():
		host = "127.0.0.1"
	case tcp.IP.To4() == nil:
		host = "[" + host + "]"
	}
	return fmt.Sprintf("http://%s:%d/", host, tcp.Port)
}
