package graph

import (
	"errors"
	"log"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
)

// quietLogger is Cayley's standard logger, less the error Cayley's SQL
// backends log each time a store that already exists is opened ("Cannot
// create nodes table: quadstore: cannot init; database already exists"):
// newsgraph creates SQL stores on first use, and that is not an error.
type quietLogger struct{ verbosity int }

func (quietLogger) Infof(format string, args ...interface{}) { log.Printf(format, args...) }
func (quietLogger) Warningf(format string, args ...interface{}) {
	log.Printf("WARN: "+format, args...)
}
func (quietLogger) Errorf(format string, args ...interface{}) {
	for _, a := range args {
		if err, ok := a.(error); ok && errors.Is(err, cgraph.ErrDatabaseExists) {
			return
		}
	}
	log.Printf("ERROR: "+format, args...)
}
func (quietLogger) Fatalf(format string, args ...interface{}) { log.Fatalf("FATAL: "+format, args...) }
func (l quietLogger) V(level int) bool                        { return l.verbosity >= level }
func (l *quietLogger) SetV(level int)                         { l.verbosity = level }

func init() { clog.SetLogger(&quietLogger{}) }
