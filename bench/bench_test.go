package bench

// The benchmarks behind BENCHMARKS.md. Short by default (`make bench`);
// environment variables select the large runs:
//
//	NEWSGRAPH_BENCH_ARTICLES=N     articles for the extraction benchmark (default 400)
//	NEWSGRAPH_BENCH_SIZES=a,b,c    article counts for the build benchmark (default 1000)
//	NEWSGRAPH_BENCH_QUERY_QUADS=N  least quads of the query benchmark's graph (default 1000000)
//	NEWSGRAPH_BENCH_IMPORT_QUADS=N quads of the import benchmark's file (default 500000)
//	NEWSGRAPH_BENCH_DIR=DIR        where generated inputs and stores are kept between runs
//	                               (default: a folder in the system's temporary folder)
//	CAYLEY=PATH                    a `cayley` binary built from the pinned module, to
//	                               compare import with `cayley load` (make bench builds one)
//	NEWSGRAPH_TEST_POSTGRES=URL    adds PostgreSQL to the build and query benchmarks
//	NEWSGRAPH_BENCH_STORES=a,b     the build benchmark's backends instead (bolt, pebble,
//	                               leveldb, badger, postgres)

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func envInts(name string, def []int) []int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return def
	}
	return out
}

// benchDir is where inputs and stores are kept between runs.
func benchDir(b *testing.B) string {
	dir := os.Getenv("NEWSGRAPH_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "newsgraph-bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// corpusFile writes (once) n generated articles as JSON Lines and returns
// its path.
func corpusFile(b *testing.B, n int) string {
	path := filepath.Join(benchDir(b), fmt.Sprintf("articles-%d.jsonl", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := (Generator{}).WriteJSONL(f, 0, n); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// newsgraphBin builds the newsgraph command once.
func newsgraphBin(b *testing.B) string {
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsgraph-bench-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "newsgraph")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/newsgraph/newsgraph/cmd/newsgraph").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		b.Fatal(binErr)
	}
	return binPath
}

// runResult is what one command run took.
type runResult struct {
	elapsed time.Duration
	// peakMB is the process's peak resident memory as the kernel counts
	// it, the pages of a memory-mapped store (bolt maps its whole file)
	// included; peakAnonMB is its own memory alone (heap, stacks),
	// sampled every 50 ms.
	peakMB, peakAnonMB float64
	stderr             string
}

// rssAnon reads a process's resident anonymous memory in KiB.
func rssAnon(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssAnon:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// runCmd runs a command and measures its time and peak memory.
func runCmd(b *testing.B, name string, args ...string) runResult {
	b.Helper()
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	start := time.Now()
	err := cmd.Start()
	peakAnon := 0
	if err == nil {
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		tick := time.NewTicker(50 * time.Millisecond)
	wait:
		for {
			select {
			case err = <-done:
				break wait
			case <-tick.C:
				peakAnon = max(peakAnon, rssAnon(cmd.Process.Pid))
			}
		}
		tick.Stop()
	}
	r := runResult{elapsed: time.Since(start), stderr: stderr.String(), peakAnonMB: float64(peakAnon) / 1024}
	if err != nil {
		b.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, r.stderr)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peakMB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return r
}

func words(a *newsgraph.Article) int { return len(strings.Fields(a.Text)) }

// BenchmarkExtract measures extraction alone (reading, extraction,
// resolution; no store), with one worker on one core and with a worker
// per core: words/s, and the speed-up.
func BenchmarkExtract(b *testing.B) {
	n := envInt("NEWSGRAPH_BENCH_ARTICLES", 400)
	path := corpusFile(b, n)
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cores := runtime.NumCPU()
	var one float64
	for _, workers := range []int{1, cores} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(workers))
			var st pipeline.Stats
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				st, err = pipeline.Run(pipeline.Config{
					Paths:     []string{path},
					Reader:    &article.Reader{},
					Extractor: x,
					Workers:   workers,
					Sink:      func([]*newsgraph.Document) error { return nil },
				})
				elapsed += time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
			}
			secs := elapsed.Seconds() / float64(b.N)
			wps := float64(st.Words) / secs
			b.ReportMetric(wps, "words/s")
			b.ReportMetric(float64(st.Articles)/secs, "articles/s")
			if workers == 1 {
				one = wps
			} else if one > 0 {
				b.ReportMetric(wps/one, "x-speedup")
			}
		})
	}
}

// BenchmarkExtractCommand runs `newsgraph extract` (N-Quads to
// /dev/null) on NEWSGRAPH_BENCH_SIZES articles: the whole command's speed
// and peak memory, which must not grow with the input.
func BenchmarkExtractCommand(b *testing.B) {
	bin := newsgraphBin(b)
	for _, n := range envInts("NEWSGRAPH_BENCH_SIZES", []int{1000}) {
		path := corpusFile(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r := runCmd(b, bin, "extract", path)
				secs := r.elapsed.Seconds()
				b.ReportMetric(float64(n)/secs, "articles/s")
				b.ReportMetric(float64(summaryNumber(r.stderr, "quads"))/secs, "quads/s")
				b.ReportMetric(r.peakMB, "peak-MB")
			}
		})
	}
}

// BenchmarkBuild runs `newsgraph build` on generated articles into a new
// bolt store (and PostgreSQL when NEWSGRAPH_TEST_POSTGRES is set, or the
// backends NEWSGRAPH_BENCH_STORES lists): time,
// articles/s, quads/s and the process's peak memory, for each size of
// NEWSGRAPH_BENCH_SIZES.
func BenchmarkBuild(b *testing.B) {
	bin := newsgraphBin(b)
	for _, n := range envInts("NEWSGRAPH_BENCH_SIZES", []int{1000}) {
		path := corpusFile(b, n)
		stores := []string{"bolt"}
		if env := os.Getenv("NEWSGRAPH_BENCH_STORES"); env != "" {
			stores = strings.Split(env, ",")
		} else if os.Getenv("NEWSGRAPH_TEST_POSTGRES") != "" && n <= 10000 {
			stores = append(stores, "postgres")
		}
		for _, backend := range stores {
			b.Run(fmt.Sprintf("%s/articles=%d", backend, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					db := backend + ":" + filepath.Join(b.TempDir(), "build.db")
					if backend == "postgres" {
						db = freshPostgres(b)
					}
					r := runCmd(b, bin, "build", "--db", db, path)
					quads := summaryNumber(r.stderr, "quads")
					secs := r.elapsed.Seconds()
					b.ReportMetric(secs, "s")
					b.ReportMetric(float64(n)/secs, "articles/s")
					b.ReportMetric(float64(quads)/secs, "quads/s")
					b.ReportMetric(r.peakMB, "peak-MB")
					b.ReportMetric(r.peakAnonMB, "peak-anon-MB")
					b.ReportMetric(float64(quads), "quads")
				}
			})
		}
	}
}

// BenchmarkBuildBatch runs the same build with several --batch sizes (the
// number of articles per store transaction; 0, the default, adapts).
func BenchmarkBuildBatch(b *testing.B) {
	bin := newsgraphBin(b)
	n := envInt("NEWSGRAPH_BENCH_BATCH_ARTICLES", 1000)
	path := corpusFile(b, n)
	for _, batch := range []int{1, 8, 32, 128, 512, 0} {
		name := fmt.Sprintf("batch=%d", batch)
		if batch == 0 {
			name = "batch=adaptive"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				db := "bolt:" + filepath.Join(b.TempDir(), "build.db")
				r := runCmd(b, bin, "build", "--batch", strconv.Itoa(batch), "--db", db, path)
				b.ReportMetric(float64(n)/r.elapsed.Seconds(), "articles/s")
				b.ReportMetric(r.peakMB, "peak-MB")
				b.ReportMetric(r.peakAnonMB, "peak-anon-MB")
			}
		})
	}
}

// summaryNumber reads "N word" from build's summary line.
func summaryNumber(summary, word string) int {
	fields := strings.Fields(summary)
	for i := 1; i < len(fields); i++ {
		if strings.TrimRight(fields[i], ",;:") == word {
			if n, err := strconv.Atoi(fields[i-1]); err == nil {
				return n
			}
		}
	}
	return 0
}

// quadsFile writes (once) an N-Quads file of at least n quads extracted
// from generated articles.
func quadsFile(b *testing.B, n int) string {
	path := filepath.Join(benchDir(b), fmt.Sprintf("quads-%d.nq", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// About 450 quads an article.
	articles := corpusFile(b, n/400+1)
	out, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(newsgraphBin(b), "extract", articles)
	w := bufio.NewWriter(out)
	var msg strings.Builder
	cmd.Stdout, cmd.Stderr = w, &msg
	if err := cmd.Run(); err != nil {
		b.Fatalf("extract: %v\n%s", err, msg.String())
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	// Cut to n quads, so that both loaders read the same lines.
	if err := headLines(path+".tmp", path, n); err != nil {
		b.Fatal(err)
	}
	os.Remove(path + ".tmp")
	return path
}

func headLines(src, dst string, n int) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	r := bufio.NewReaderSize(in, 1<<16)
	w := bufio.NewWriterSize(out, 1<<16)
	for i := 0; i < n; i++ {
		line, err := r.ReadBytes('\n')
		w.Write(line)
		if err != nil {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return out.Close()
}

// BenchmarkImport loads the same N-Quads file into a new bolt store with
// `newsgraph import` and, when CAYLEY names a cayley binary, with
// `cayley load` (same backend, same batch of quad.DefaultBatch quads):
// quads/s for each, and newsgraph's speed as a multiple of Cayley's.
func BenchmarkImport(b *testing.B) {
	n := envInt("NEWSGRAPH_BENCH_IMPORT_QUADS", 500000)
	path := quadsFile(b, n)
	bin := newsgraphBin(b)
	var ours, theirs float64
	b.Run("newsgraph-import", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			db := filepath.Join(b.TempDir(), "import.db")
			r := runCmd(b, bin, "import", "--db", "bolt:"+db, path)
			ours = float64(n) / r.elapsed.Seconds()
			b.ReportMetric(ours, "quads/s")
			b.ReportMetric(r.peakMB, "peak-MB")
			b.ReportMetric(r.peakAnonMB, "peak-anon-MB")
		}
	})
	cayley := os.Getenv("CAYLEY")
	if cayley == "" {
		b.Log("CAYLEY is not set: `make bench` builds cayley from the pinned module to compare with `cayley load`")
		return
	}
	b.Run("cayley-load", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			db := filepath.Join(b.TempDir(), "cayley.db")
			r := runCmd(b, cayley, "load", "--init", "--db", "bolt", "--dbpath", db, "--load", path)
			theirs = float64(n) / r.elapsed.Seconds()
			b.ReportMetric(theirs, "quads/s")
			b.ReportMetric(r.peakMB, "peak-MB")
			b.ReportMetric(r.peakAnonMB, "peak-anon-MB")
			if ours > 0 {
				b.ReportMetric(ours/theirs, "x-newsgraph")
			}
		}
	})
}

// queryStore builds (once, kept in the bench folder) a bolt store of at
// least NEWSGRAPH_BENCH_QUERY_QUADS quads from generated articles.
func queryStore(b *testing.B) (string, int) {
	want := envInt("NEWSGRAPH_BENCH_QUERY_QUADS", 1000000)
	articles := want/400 + 1
	dir := filepath.Join(benchDir(b), fmt.Sprintf("query-%d.db", articles))
	loc := "bolt:" + dir
	done := dir + ".done"
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		path := corpusFile(b, articles)
		r := runCmd(b, newsgraphBin(b), "build", "--db", loc, path)
		b.Logf("built the query graph (%d articles) in %v", articles, r.elapsed.Round(time.Second))
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	s, err := graph.Open(loc, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	st, err := s.QuadStore().Stats(context.Background(), false)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	return loc, int(st.Quads.Value)
}

// Cookbook-style queries, written for the generated graph.
const (
	nsRDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsS   = "http://schema.org/"
	nsNG  = "https://newsgraph.dev/ns#"
)

var benchQueries = []struct{ name, query string }{
	{"warrants", `g.V().Tag("source").Out("<` + nsNG + `issued_arrest_warrant_for>").Tag("target").All()`},
	{"person-facts-with-sources", `g.V().Has("<` + nsS + `name>", "PERSON").Unique().In("<` + nsRDF + `subject>")
  .Save("<` + nsRDF + `predicate>", "predicate").Save("<` + nsRDF + `object>", "object")
  .Save("<` + nsNG + `article>", "article").Save("<` + nsNG + `evidence>", "sentence").All()`},
	{"facts-two-articles-agree-on", `function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var facts = {}
g.V().Has("<` + nsRDF + `predicate>", "<` + nsNG + `issued_arrest_warrant_for>")
  .Save("<` + nsRDF + `subject>", "s").Save("<` + nsRDF + `object>", "o").Save("<` + nsNG + `article>", "a")
  .ForEach(function (r) { var k = key(r.s) + " " + key(r.o); facts[k] = facts[k] || {}; facts[k][key(r.a)] = true })
for (var k in facts) { var n = Object.keys(facts[k]).length; if (n > 1) g.Emit({fact: k, articles: n}) }`},
	{"entities-by-type", `var types = ["Person", "Organization", "Country", "City", "Place"]
types.forEach(function (t) { g.Emit({type: t, count: g.V().Has("<` + nsRDF + `type>", "<` + nsS + `" + t + ">").Count()}) })`},
	{"one-article", `g.V().Has("<` + nsS + `identifier>", "gen-0000042").In("<` + nsNG + `mentionedIn>").Tag("entity").Out("<` + nsS + `name>").Tag("name").All()`},
}

// BenchmarkQuery runs cookbook-style queries on a graph of a million
// quads or more: milliseconds per query.
func BenchmarkQuery(b *testing.B) {
	loc, quads := queryStore(b)
	s, err := graph.Open(loc, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// A person of the graph, for the person query: the first one named in
	// a warrant.
	person := "Diego Nordin"
	if res, _, err := s.Query(context.Background(), `g.V().Has("<`+nsRDF+`predicate>", "<`+nsNG+`issued_arrest_warrant_for>").Out("<`+nsRDF+`object>").Out("<`+nsS+`name>").Limit(1).All()`, graph.QueryOptions{}); err == nil && len(res) == 1 {
		if m, ok := res[0].(map[string]interface{}); ok {
			if id, ok := m["id"].(string); ok {
				person = id
			}
		}
	}
	b.Logf("graph of %d quads; person %q", quads, person)
	for _, q := range benchQueries {
		text := strings.ReplaceAll(q.query, "PERSON", person)
		b.Run(q.name, func(b *testing.B) {
			var results int
			start := time.Now()
			for i := 0; i < b.N; i++ {
				res, _, err := s.Query(context.Background(), text, graph.QueryOptions{Limit: 1000, MaxMemory: -1})
				if err != nil {
					b.Fatal(err)
				}
				results = len(res)
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/query")
			b.ReportMetric(float64(results), "results")
			b.ReportMetric(math.Round(float64(quads)/1e4)/100, "Mquads")
		})
	}
}

// freshPostgres makes an empty database on the NEWSGRAPH_TEST_POSTGRES
// server for one run and drops it afterwards.
func freshPostgres(b *testing.B) string {
	return freshDatabase(b, os.Getenv("NEWSGRAPH_TEST_POSTGRES"))
}
