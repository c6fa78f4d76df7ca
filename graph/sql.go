package graph

import (
	"database/sql"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// sqlDriver is the database/sql driver Cayley's SQL backends use.
func sqlDriver(backend string) string {
	if backend == "cockroach" {
		return "pgx"
	}
	return "postgres" // lib/pq, registered by Cayley's postgres backend
}

// sqlIndexes are the indexes newsgraph adds to Cayley's SQL schema: by
// label, so that an article's quads are found without scanning the whole
// table when it is replaced, retracted or exported (the key-value stores
// get the same index; see quadIndexes). Cayley's own indexes start with
// subject, object or predicate.
var sqlIndexes = []string{
	`CREATE INDEX IF NOT EXISTS newsgraph_label_index ON quads (label_hash)`,
}

// addSQLIndexes creates sqlIndexes unless they exist. PostgreSQL and
// CockroachDB both take "IF NOT EXISTS", so this is safe to repeat and to
// run from several processes.
func addSQLIndexes(loc Location) error {
	db, err := sql.Open(sqlDriver(loc.Backend), loc.Address)
	if err != nil {
		return fmt.Errorf("open store %s: %w", loc, err)
	}
	defer db.Close()
	for _, q := range sqlIndexes {
		if _, err := db.Exec(q); err != nil {
			return fmt.Errorf("open store %s: add index: %w", loc, err)
		}
	}
	return nil
}

// plainQuadStore hides a SQL quad store's shape optimizer, so that Gizmo
// queries run on Cayley's generic iterators, each step an indexed SQL
// lookup. Cayley's SQL optimizer, which turns a whole path into SQL
// statements, answers tagged paths wrongly: a tag set before Back and
// Filter is lost, and Save after a step over two predicates drops results
// (the cookbook's queries gave other answers on PostgreSQL than on bolt).
// The generic iterators give bolt's answers, at the price of a round trip
// per step and node: see BENCHMARKS.md. NEWSGRAPH_SQL_OPTIMIZER=cayley
// brings Cayley's optimizer back, for speed over exactness.
type plainQuadStore struct{ cgraph.QuadStore }
