// Package pipeline runs the main job: articles are read from files,
// extracted by a worker per core, resolved against the entity index in
// input order, and handed to a sink (the store, or an N-Quads stream) in
// batches. Memory is bounded by the number of articles in flight, not by
// the size of the input.
package pipeline

import (
	"errors"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/resolve"
)

// Config describes one run.
type Config struct {
	Paths     []string
	FS        fs.FS // when set, Paths are folders of this file system
	Reader    *article.Reader
	Extractor *extract.Extractor
	Index     *resolve.Index // entity index; a fresh one when nil
	Workers   int            // extraction workers; one per core when 0
	// Batch is how many documents are resolved and handed to the sink
	// together. When 0 it adapts: it starts at MinBatch and doubles, up to
	// MaxBatch, while the sink takes longer than gathering a batch did (a
	// store's writes slow as it grows, and fewer, larger transactions
	// keep the cost per article level).
	Batch int
	// Skip, when set, is asked about each article before extraction; an
	// article it skips is counted but not extracted (an unchanged article
	// already in the store).
	Skip func(a *newsgraph.Article) (bool, error)
	// Sink receives resolved documents in input order.
	Sink func(docs []*newsgraph.Document) error
	// Progress, when set, is called after each batch.
	Progress func(Stats)
}

// The bounds of an adaptive batch, in articles. At most 2*MaxBatch
// articles are in flight.
const (
	MinBatch = 32
	MaxBatch = 128
)

// Stats count what a run did.
type Stats struct {
	Articles  int // read and extracted
	Skipped   int // unchanged, not extracted again
	Problems  int // items that could not be read
	Files     int // files (or stdin) the articles came from
	Words     int
	Sentences int
	Entities  int
	Facts     int
	Elapsed   time.Duration
}

type job struct {
	seq int
	art newsgraph.Article
}

type result struct {
	seq int
	doc *newsgraph.Document
}

// Run executes the pipeline and returns its counts. Read problems are
// reported by the Reader's OnProblem and counted; an error from Skip or
// Sink stops the run.
func Run(cfg Config) (Stats, error) {
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize, adaptive := cfg.Batch, cfg.Batch <= 0
	if adaptive {
		batchSize = MinBatch
	}
	maxBatch := batchSize
	if adaptive {
		maxBatch = MaxBatch
	}
	index := cfg.Index
	if index == nil {
		index = resolve.NewIndex()
	}
	var st Stats
	var mu sync.Mutex // guards st across the reader and the collector

	// At most inFlight articles are between the reader and the sink.
	inFlight := workers * 4
	if inFlight < maxBatch*2 {
		inFlight = maxBatch * 2
	}
	slots := make(chan struct{}, inFlight)
	// An adaptive batch starts with room for two batches: the rest of the
	// slots are held back, and given out as the batch grows.
	held := 0
	if adaptive {
		held = inFlight - max(workers*4, batchSize*2)
		for i := 0; i < held; i++ {
			slots <- struct{}{}
		}
	}
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }

	// Reader.
	var readErr error
	var readProblems int
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(jobs)
		seq := 0
		lastFile := ""
		each := func(a newsgraph.Article) error {
			file := a.Origin
			if i := strings.LastIndexByte(file, ':'); i > 0 && isDigits(file[i+1:]) {
				file = file[:i]
			}
			if file != lastFile {
				lastFile = file
				mu.Lock()
				st.Files++
				mu.Unlock()
			}
			if cfg.Skip != nil {
				skip, err := cfg.Skip(&a)
				if err != nil {
					return err
				}
				if skip {
					mu.Lock()
					st.Skipped++
					mu.Unlock()
					return nil
				}
			}
			select {
			case slots <- struct{}{}:
			case <-stop:
				return errStopped
			}
			select {
			case jobs <- job{seq, a}:
			case <-stop:
				return errStopped
			}
			seq++
			return nil
		}
		var n int
		var err error
		if cfg.FS != nil {
			for _, p := range cfg.Paths {
				var k int
				k, err = cfg.Reader.WalkFS(cfg.FS, p, each)
				n += k
				if err != nil {
					break
				}
			}
		} else {
			n, err = cfg.Reader.Walk(cfg.Paths, each)
		}
		readProblems = n
		if err != nil && !errors.Is(err, errStopped) {
			readErr = err
		}
	}()

	// Workers.
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc := cfg.Extractor.Extract(j.art)
				select {
				case results <- result{j.seq, doc}:
				case <-stop:
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Collector: reorder, resolve, sink.
	pending := map[int]*newsgraph.Document{}
	next := 0
	var batch []*newsgraph.Document
	var sinkErr error
	gathered := time.Now() // when the previous flush ended
	flush := func() {
		if len(batch) == 0 || sinkErr != nil {
			return
		}
		sinkStart := time.Now()
		index.Resolve(batch...)
		if err := cfg.Sink(batch); err != nil {
			sinkErr = err
			halt()
			return
		}
		now := time.Now()
		if adaptive && now.Sub(sinkStart) > sinkStart.Sub(gathered) && batchSize < maxBatch {
			grown := min(batchSize*2, maxBatch)
			for i := 0; i < (grown-batchSize)*2 && held > 0; i++ {
				<-slots
				held--
			}
			batchSize = grown
		}
		gathered = now
		mu.Lock()
		for _, d := range batch {
			st.Articles++
			st.Words += len(strings.Fields(d.Article.Text))
			st.Sentences += d.Sentences
			st.Entities += len(d.Entities)
			st.Facts += len(d.Facts)
		}
		snapshot := st
		mu.Unlock()
		for range batch {
			<-slots
		}
		batch = batch[:0]
		if cfg.Progress != nil {
			snapshot.Elapsed = time.Since(start)
			cfg.Progress(snapshot)
		}
	}
	for r := range results {
		if sinkErr != nil {
			continue // drain
		}
		pending[r.seq] = r.doc
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			batch = append(batch, d)
			if len(batch) >= batchSize {
				flush()
			}
		}
	}
	flush()
	halt()
	<-readDone
	mu.Lock()
	st.Problems = readProblems
	st.Elapsed = time.Since(start)
	out := st
	mu.Unlock()
	if sinkErr != nil {
		return out, sinkErr
	}
	return out, readErr
}

var errStopped = errors.New("pipeline stopped")

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
