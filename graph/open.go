// Package graph is newsgraph's Cayley store: it opens a backend from a
// location ("bolt:./newsgraph.db", "postgres://..."), writes articles'
// quads atomically, and reads, queries, exports, imports and retracts them.
// It knows Cayley and quads; it never imports the extractor.
package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	// Backends: the key-value stores (bolt, leveldb, pebble, badger, ...),
	// the in-memory store, and the SQL stores (PostgreSQL, CockroachDB).
	_ "github.com/cayleygraph/cayley/graph/kv/all"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	// Writers ("single") and the query languages.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
	_ "github.com/cayleygraph/cayley/writer"

	"github.com/newsgraph/newsgraph/schema"
)

// DefaultLocation is the store used when none is given: embedded bolt.
const DefaultLocation = "bolt:./newsgraph.db"

// Location is a parsed store location: a Cayley backend and its address.
type Location struct {
	Backend string // bolt, leveldb, pebble, badger, memstore, postgres, cockroach
	Address string // a folder for key-value stores, a connection URL for SQL
}

func (l Location) String() string {
	switch l.Backend {
	case "postgres", "cockroach":
		return redact(l.Address)
	}
	return l.Backend + ":" + l.Address
}

// ParseLocation reads "bolt:PATH", "leveldb:PATH", "pebble:PATH",
// "badger:PATH", "memstore:", "postgres://user@host/db",
// "cockroach://user@host:26257/db", or a bare path (bolt).
func ParseLocation(s string) (Location, error) {
	if s == "" {
		s = DefaultLocation
	}
	switch {
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		return Location{Backend: "postgres", Address: s}, nil
	case strings.HasPrefix(s, "cockroach://"), strings.HasPrefix(s, "cockroachdb://"):
		rest := s[strings.Index(s, "://")+3:]
		return Location{Backend: "cockroach", Address: "postgresql://" + rest}, nil
	}
	if i := strings.Index(s, ":"); i > 1 {
		name, addr := s[:i], strings.TrimPrefix(s[i+1:], "//")
		switch name {
		case "bolt", "leveldb", "pebble", "badger", "bbolt", "btree":
			if addr == "" {
				return Location{}, fmt.Errorf("store %q: missing path after %q", s, name+":")
			}
			return Location{Backend: name, Address: addr}, nil
		case "memstore", "memory", "mem":
			return Location{Backend: "memstore"}, nil
		default:
			return Location{}, fmt.Errorf("store %q: unknown backend %q (want bolt, leveldb, pebble, badger, memstore, postgres or cockroach)", s, name)
		}
	}
	return Location{Backend: "bolt", Address: s}, nil
}

func redact(u string) string {
	// Hide a password in user:password@host.
	at := strings.Index(u, "@")
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	cred := u[scheme+3 : at]
	if user, _, ok := strings.Cut(cred, ":"); ok {
		return u[:scheme+3] + user + ":***" + u[at:]
	}
	return u
}

// Options tune how a store is opened.
type Options struct {
	// ReadOnly opens an existing store without writing to it.
	ReadOnly bool
	// LockTimeout is how long to wait for a bolt store held by another
	// process before giving up; 0 means 200ms.
	LockTimeout time.Duration
}

// ErrInUse reports a bolt store locked by another process.
var ErrInUse = errors.New("is in use by another newsgraph process")

// Store is an open newsgraph graph.
type Store struct {
	loc Location
	qs  cgraph.QuadStore
	qw  cgraph.QuadWriter
	ro  bool
	// For the key-value backends: Cayley's store and its database, where
	// the entity index is kept beside the graph (see entities.go).
	kv *ckv.QuadStore
	db hkv.KV
	// ents is the entity index's state in this process.
	ents entityCache
}

// Open opens the store at location, creating it if it does not exist.
func Open(location string, opt Options) (*Store, error) {
	loc, err := ParseLocation(location)
	if err != nil {
		return nil, err
	}
	registerBackends()
	if !cgraph.IsRegistered(loc.Backend) {
		return nil, fmt.Errorf("store %s: backend %q is not available in this build", loc, loc.Backend)
	}
	s := &Store{loc: loc, ro: opt.ReadOnly}
	switch {
	case loc.Backend == "bolt":
		db, err := openBoltFile(loc, opt)
		if err != nil {
			return nil, err
		}
		if s.qs, err = openKV(loc, hbolt.New(db), opt); err != nil {
			return nil, err
		}
		s.kv = s.qs.(*ckv.QuadStore)
		s.db = hbolt.New(db)
	case isKV(loc.Backend):
		db, err := openHidalgo(loc, opt)
		if err != nil {
			return nil, err
		}
		if s.qs, err = openKV(loc, db, opt); err != nil {
			return nil, err
		}
		s.kv = s.qs.(*ckv.QuadStore)
		s.db = db
	default:
		if err := initIfMissing(loc, opt); err != nil {
			return nil, err
		}
		if s.qs, err = cgraph.NewQuadStore(loc.Backend, loc.Address, nil); err != nil {
			return nil, fmt.Errorf("open store %s: %w", loc, err)
		}
		if isSQL(loc.Backend) && !opt.ReadOnly {
			if err := addSQLIndexes(loc); err != nil {
				s.qs.Close()
				return nil, err
			}
		}
		if isSQL(loc.Backend) && os.Getenv("NEWSGRAPH_SQL_OPTIMIZER") != "cayley" {
			s.qs = plainQuadStore{s.qs}
		}
	}
	s.qw, err = cgraph.NewQuadWriter("single", s.qs, cgraph.Options{"ignore_missing": true, "ignore_duplicate": true})
	if err != nil {
		s.qs.Close()
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	if !opt.ReadOnly {
		if err := s.ensureVocabulary(); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// isKV reports whether a backend is one of the key-value stores newsgraph
// opens itself (through hidalgo), to give new stores its indexes.
func isKV(backend string) bool {
	switch backend {
	case "leveldb", "pebble", "badger", "bbolt":
		return true
	}
	return false
}

func isSQL(backend string) bool { return backend == "postgres" || backend == "cockroach" }

// Location is where the store lives.
func (s *Store) Location() Location { return s.loc }

// Handle is the Cayley handle, for the HTTP API and query sessions.
func (s *Store) Handle() *cgraph.Handle { return &cgraph.Handle{QuadStore: s.qs, QuadWriter: s.qw} }

// QuadStore is the underlying Cayley quad store.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Close flushes and closes the store.
func (s *Store) Close() error {
	err := s.qw.Close()
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.loc, err)
	}
	return nil
}

func initIfMissing(loc Location, opt Options) error {
	switch loc.Backend {
	case "memstore":
		return nil
	case "postgres", "cockroach":
		err := cgraph.InitQuadStore(loc.Backend, loc.Address, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) && !strings.Contains(err.Error(), "already exists") {
			return fmt.Errorf("init store %s: %w", loc, err)
		}
		return nil
	}
	if _, err := os.Stat(loc.Address); err == nil {
		return nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("open store %s: %w", loc, err)
	}
	if opt.ReadOnly {
		return fmt.Errorf("open store %s: no such store (build one first with `newsgraph build`)", loc)
	}
	if err := cgraph.InitQuadStore(loc.Backend, loc.Address, nil); err != nil {
		return fmt.Errorf("create store %s: %w", loc, err)
	}
	return nil
}

// boltFile is the bolt database file inside a bolt store's folder, where
// Cayley keeps it.
func boltFile(dir string) string { return filepath.Join(dir, "indexes.bolt") }

// openBoltDB opens a bolt store's file itself, rather than through Cayley's
// registry, so that it can give up at once when another process holds the
// file (Cayley's bolt backend waits for the lock forever) and so that a
// read-only store takes a shared lock: any number of readers (stats,
// query, export, a read-only serve) may share a store, while a writer
// (build, import, retract, a writable serve) needs it alone.
func openBoltDB(loc Location, opt Options) (*bolt.DB, error) {
	timeout := opt.LockTimeout
	if timeout <= 0 {
		timeout = 200 * time.Millisecond
	}
	db, err := bolt.Open(boltFile(loc.Address), 0o644, &bolt.Options{Timeout: timeout, ReadOnly: opt.ReadOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		how := "a build, import, retract or writable serve is writing it; try again when it is done"
		if !opt.ReadOnly {
			how = "a server or another command has it open; stop the server or wait for the command, " +
				"or keep the graph in PostgreSQL (--db postgres://...) to build while serving"
		}
		return nil, fmt.Errorf("store %s %w (%s)", loc, ErrInUse, how)
	}
	return db, err
}

// prepareStore checks that path, the file or folder that holds a
// key-value store, exists, and creates the store's folder when it does not
// (unless the store is opened read-only).
func prepareStore(loc Location, path string, opt Options) error {
	_, err := os.Stat(path)
	switch {
	case err == nil:
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("open store %s: %w", loc, err)
	case opt.ReadOnly:
		return fmt.Errorf("open store %s: no such store (build one first with `newsgraph build`)", loc)
	}
	if err := os.MkdirAll(loc.Address, 0o700); err != nil {
		return fmt.Errorf("create store %s: %w", loc, err)
	}
	return nil
}

// openBoltFile opens (creating it first unless it is opened read-only) the
// bolt file of a bolt store.
func openBoltFile(loc Location, opt Options) (*bolt.DB, error) {
	if err := prepareStore(loc, boltFile(loc.Address), opt); err != nil {
		return nil, err
	}
	db, err := openBoltDB(loc, opt)
	if err != nil {
		if errors.Is(err, ErrInUse) {
			return nil, err
		}
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return db, nil
}

// openHidalgo opens the folder of a leveldb, pebble, badger or bbolt store
// with hidalgo (the key-value layer under Cayley), creating it unless it is
// opened read-only.
func openHidalgo(loc Location, opt Options) (hkv.KV, error) {
	if err := prepareStore(loc, loc.Address, opt); err != nil {
		return nil, err
	}
	r := hkv.ByName(loc.Backend)
	if r == nil {
		r = hkv.ByName("flat." + loc.Backend)
	}
	if r == nil {
		return nil, fmt.Errorf("store %s: backend %q is not available in this build", loc, loc.Backend)
	}
	db, err := r.OpenPath(loc.Address)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return db, nil
}

// openKV opens a key-value database as a Cayley quad store, giving it
// Cayley's buckets and newsgraph's indexes first unless it is opened
// read-only. Creating is safe to repeat: a store whose creation was
// interrupted is completed.
func openKV(loc Location, db hkv.KV, opt Options) (cgraph.QuadStore, error) {
	if !opt.ReadOnly {
		if err := initKV(db); err != nil {
			db.Close()
			return nil, fmt.Errorf("create store %s: %w", loc, err)
		}
	}
	qs, err := ckv.New(db, kvOptions(opt))
	if err != nil {
		db.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, fmt.Errorf("open store %s: it holds no Cayley graph", loc)
		}
		return nil, fmt.Errorf("open store %s: %w", loc, err)
	}
	return qs, nil
}

// kvOptions are Cayley's options for a key-value store: without its bloom
// filters. Cayley keeps them to skip lookups when writing: one of the
// quads that exist, filled by reading every quad of the store each time
// it is opened (time grows with the store, for every command), and, for a
// store opened empty, one per index; each is sized for 100 million
// entries (about 75 MB) whatever the store holds. Measured on bolt
// (BENCHMARKS.md), a build of 1,000 articles took 8.3 s with them and
// without, and 1,060 MB of memory with them against 295 MB without; an
// import of a million quads 16.3 s and 16.1 s.
func kvOptions(Options) cgraph.Options {
	return cgraph.Options{ckv.OptNoBloom: true}
}

// quadIndexes are the indexes of a new key-value store (bolt, leveldb,
// pebble, badger): Cayley's own (subject-predicate,
// object-predicate-subject) and one by label and subject, so that an
// article's quads (its label's) are found without scanning the whole graph
// when it is replaced, retracted or exported.
var quadIndexes = append(append([]ckv.QuadIndex{}, ckv.DefaultQuadIndexes...),
	ckv.QuadIndex{Dirs: []quad.Direction{quad.Label, quad.Subject}})

// Where Cayley keeps a key-value store's metadata.
var (
	metaIndexes = hkv.Key{[]byte("meta"), []byte("indexes")}
	metaSize    = hkv.Key{[]byte("meta"), []byte("size")}
)

// initKV creates Cayley's buckets in a key-value store unless they exist,
// and gives a store that holds no quads yet the indexes of quadIndexes.
// (Cayley fixes a store's indexes when it is made, and offers no option
// for them: CAYLEY_KV_INDEXES cannot be decoded. An empty store can be
// given others safely: no quad is indexed yet.)
func initKV(db hkv.KV) error {
	if err := ckv.Init(db, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return err
	}
	want, err := json.Marshal(quadIndexes)
	if err != nil {
		return err
	}
	return hkv.Update(bg, db, func(tx hkv.Tx) error {
		have, err := tx.Get(bg, metaIndexes)
		if err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		if bytes.Equal(have, want) {
			return nil
		}
		size, err := tx.Get(bg, metaSize)
		if err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return err
		}
		if len(bytes.Trim(size, "\x00")) != 0 {
			return nil // quads indexed the old way: keep them so
		}
		for _, ind := range quadIndexes {
			name := make([]byte, len(ind.Dirs))
			for i, d := range ind.Dirs {
				name[i] = d.Prefix()
			}
			if err := hkv.CreateBucket(bg, tx, hkv.Key{name}); err != nil {
				return err
			}
		}
		return tx.Put(bg, metaIndexes, want)
	})
}

// registerBackends re-registers hidalgo's key-value backends that Cayley's
// init missed: under Go >= 1.21 Cayley's graph/kv init runs before
// hidalgo's own, so badger, pebble and leveldb are otherwise "not
// registered".
func registerBackends() { registerOnce.Do(registerMissing) }

var registerOnce sync.Once

func registerMissing() {
	for _, r := range hkv.List() {
		name := strings.TrimPrefix(r.Name, "flat.")
		if cgraph.IsRegistered(name) || r.Volatile {
			continue
		}
		r := r
		open := func(path string, _ cgraph.Options) (hkv.KV, error) {
			if err := os.MkdirAll(path, 0o700); err != nil {
				return nil, err
			}
			return r.OpenPath(path)
		}
		ckv.Register(name, ckv.Registration{NewFunc: open, InitFunc: open, IsPersistent: true})
	}
}

func (s *Store) ensureVocabulary() error {
	vocab := schema.Vocabulary()
	has, err := s.hasQuad(vocab[len(vocab)-1])
	if err != nil || has {
		return err
	}
	if err := s.apply(adds(nil, vocab)); err != nil {
		return fmt.Errorf("write vocabulary to %s: %w", s.loc, err)
	}
	return nil
}
