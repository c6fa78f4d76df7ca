package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"

	"github.com/cayleygraph/quad"
)

// badItem is one input build must skip, with the message it must give.
type badItem struct {
	path   string // as printed: under the folder, with ":line" for a record
	reason string // a part of the reason
}

// mixedFolder writes a folder that mixes good articles with every kind of
// bad input, and returns it with the bad items and the good articles' ids.
func mixedFolder(t *testing.T) (dir string, bad []badItem, good []string) {
	t.Helper()
	dir = t.TempDir()
	gz := func(s string) string {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		return buf.String()
	}
	full := gz(strings.Repeat(warsawVisit, 50))
	huge := strings.Repeat("all work and no play makes a dull story ", 50<<20/40) // one 50 MB line
	writeFiles(t, dir, map[string]string{
		// Good articles: text, HTML (with scripts around the story),
		// gzipped text, and JSON Lines records around bad ones.
		"good/madrid-talks.txt": madridTalks,
		"good/court-ruling.html": `<!doctype html><html><head><title>Court ruling</title>
<script>var tracker = "<p>not text</p>"; for (;;) {}</script>
<meta property="article:published_time" content="2024-06-07"></head>
<body><nav>Home | World</nav><script src="ads.js"></script>
<article><h1>Court ruling</h1><p>The International Criminal Court issued a warrant for Vladimir Putin on Friday.</p>
<script>document.write("<p>injected</p>")</script>
<p>Kremlin spokesman Dmitry Peskov said the decision was "null and void".</p></article></body></html>`,
		"good/warsaw-visit.txt.gz": gz(warsawVisit),
		"feed.jsonl": `{"id":"feed-1","title":"Port reopens","date":"2024-05-01","text":"Mayor Ingrid Dahl of Bergen reopened the port on Wednesday."}
{"id":"feed-2","title":"Broken", "text": "no closing quote}
{"id":"feed-3","title":"Bridge","date":"2024-05-02","text":"Governor Tomas Varga of Szeged opened a bridge on Thursday."}
{"id":"feed-4","title":"No text"}
` + `{"id":"feed-5","text":"` + strings.Repeat("x", 9<<20) + `"}
{"id":"feed-6","text":"Minister Clara Holm of Sweden visited Oslo on Friday."}
`,

		// Bad files.
		"bad/empty.txt":       "",
		"bad/blank.txt":       " \n\t\n  \n",
		"bad/binary.bin":      "\x00\x01\x02\x03binary\x00\xff\xfe\x00data" + strings.Repeat("\x00", 100),
		"bad/image.png":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00", 64),
		"bad/latin1.txt":      "date 2024-01-01\n\nThe caf\xe9 in Z\xfcrich reopened on Monday.\n",
		"bad/huge.txt":        huge,
		"bad/scripts.html":    `<html><head><script>var a = 1;</script></head><body><script>alert("x")</script><script>window.location = "/"</script><style>p{}</style></body></html>`,
		"bad/cut.txt.gz":      full[:len(full)/2],
		"bad/notgzip.txt.gz":  "\x1f\x8b\x08\x00garbage that is not deflate data at all",
		"bad/utf16.txt":       "\xff\xfeT\x00h\x00e\x00 \x00m\x00a\x00y\x00o\x00r\x00",
		"bad/.hidden-is-fine": "ignored: hidden files are not read",
	})
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "bad", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "bad", "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad = []badItem{
		{"bad/binary.bin", "binary file, not an article"},
		{"bad/blank.txt", "empty article"},
		{"bad/cut.txt.gz", "truncated gzip data"},
		{"bad/dangling.txt", "no such file or directory"},
		{"bad/empty.txt", "empty article"},
		{"bad/huge.txt", "over the 8.0 MB limit"},
		{"bad/image.png", "binary file, not an article (PNG image)"},
		{"bad/latin1.txt", "invalid UTF-8 at byte 24"},
		{"bad/notgzip.txt.gz", "corrupt gzip data"},
		{"bad/pipe.txt", "not a regular file (named pipe)"},
		{"bad/scripts.html", "no article text in HTML"},
		{"bad/utf16.txt", "UTF-16"},
		{"feed.jsonl:2", "invalid JSON"},
		{"feed.jsonl:4", "text"},
		{"feed.jsonl:5", "over the 8.0 MB limit"},
	}
	if os.Geteuid() != 0 { // root reads any file
		writeFiles(t, dir, map[string]string{"bad/locked.txt": madridTalks})
		if err := os.Chmod(filepath.Join(dir, "bad", "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		bad = append(bad, badItem{"bad/locked.txt", "permission denied"})
	}
	good = []string{"madrid-talks", "court-ruling", "warsaw-visit", "feed-1", "feed-3", "feed-6"}
	return dir, bad, good
}

// checkProblems checks that stderr has exactly one message per bad item,
// naming its file (and line) and the reason, and a summary counting them.
func checkProblems(t *testing.T, stderr, dir string, bad []badItem, missing string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	skipped := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "newsgraph: skipped ") {
			skipped++
		}
	}
	for _, b := range bad {
		prefix := "newsgraph: skipped " + filepath.Join(dir, b.path) + ": "
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
				if !strings.Contains(l, b.reason) {
					t.Errorf("message %q does not give the reason %q", l, b.reason)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d messages for %s, want 1", n, b.path)
		}
	}
	if !strings.Contains(stderr, "newsgraph: skipped "+missing+": no such file or directory") {
		t.Errorf("no message for the missing path %s", missing)
	}
	want := len(bad) + 1
	if skipped != want {
		t.Errorf("%d skip messages, want %d:\n%s", skipped, want, stderr)
	}
	if !strings.Contains(stderr, fmt.Sprintf("; %d inputs skipped (see messages above)", want)) {
		t.Errorf("summary does not count %d skipped inputs:\n%s", want, stderr)
	}
}

// Every bad input gets one message naming it and why; every good article
// is built; the run ends with errProblems (exit status 2).
func TestBuildSkipsBadInputs(t *testing.T) {
	dir, bad, good := mixedFolder(t)
	missing := filepath.Join(dir, "no-such-folder")
	db := tempDB(t)
	start := time.Now()
	r := run(t, "build", "--db", db, dir, missing)
	if !errors.Is(r.err, errProblems) {
		t.Fatalf("build: %v, want errProblems\n%s", r.err, r.stderr)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("build of the mixed folder took %v", d)
	}
	t.Logf("build said:\n%s", r.stderr)
	checkProblems(t, r.stderr, dir, bad, missing)
	if !strings.Contains(r.stderr, fmt.Sprintf("built %d articles", len(good))) {
		t.Errorf("summary:\n%s", r.stderr)
	}
	st := stats(t, db)
	if st.Articles != len(good) {
		t.Errorf("%d articles in the store, want %d", st.Articles, len(good))
	}
	g := setOf(exportAll(t, db))
	checkLabels(t, g, good)
	if !g.has(entity("International_Criminal_Court"), pred("issued_arrest_warrant_for"), entity("Vladimir_Putin"), articleIRI("court-ruling")) {
		t.Error("the HTML article's warrant fact is missing")
	}
	for _, q := range g {
		if s, ok := q.Object.(quad.String); ok && (strings.Contains(string(s), "injected") || strings.Contains(string(s), "tracker")) {
			t.Errorf("script text in the graph: %s", q.NQuad())
		}
	}

	// Extract reports the same, and still prints the good articles.
	r = run(t, "extract", dir, missing)
	if !errors.Is(r.err, errProblems) {
		t.Fatalf("extract: %v, want errProblems", r.err)
	}
	checkProblems(t, r.stderr, dir, bad, missing)
	checkLabels(t, setOf(readQuads(t, r.stdout)), good)

	// With only good input, no error.
	must(t, "build", "--db", db, filepath.Join(dir, "good"))
}

// The process exits with status 2 when inputs were skipped, 1 on failure,
// 0 otherwise, and prints the reason.
func TestExitStatus(t *testing.T) {
	bin := binary(t)
	dir := fixtures(t)
	writeFiles(t, dir, map[string]string{"empty.txt": ""})
	db := tempDB(t)
	for _, c := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"build", "--db", db, dir}, 2, "inputs skipped"},
		{[]string{"build", "--db", db, filepath.Join(dir, "court-ruling.txt")}, 0, "(1 unchanged)"},
		{[]string{"stats", "--db", tempDB(t)}, 1, "no such store"},
		{[]string{"query", "--db", db, "--timeout", "300ms", "while(true){}"}, 1, "newsgraph: query stopped: it ran longer than the limit of 300ms"},
	} {
		cmd := exec.Command(bin, c.args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		status := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			status = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != c.status || !strings.Contains(stderr.String(), c.stderr) {
			t.Errorf("newsgraph %s: status %d, stderr:\n%s\nwant status %d and %q", strings.Join(c.args, " "), status, stderr.String(), c.status, c.stderr)
		}
	}
}

// corpus writes n short articles of our own, each with its own mayor, city
// and quote, into dir. Each edition tells the stories a little
// differently (another year, another quote): the same articles, changed.
func corpus(t *testing.T, dir string, n, edition int) {
	t.Helper()
	firsts := []string{"Anna", "Marek", "Liesel", "Tomas", "Ingrid", "Pavel", "Sofia", "Henrik", "Clara", "Dmitri", "Elena", "Jonas", "Mira", "Oskar", "Nadia"}
	lasts := []string{"Berg", "Novak", "Lindqvist", "Horvath", "Kowalczyk", "Dahl", "Moretti", "Varga", "Holm", "Petrov", "Jansen", "Roth", "Falk", "Keller", "Strand", "Weber", "Nilsen", "Bauer", "Lund", "Sorensen"}
	cities := []string{"Lisbon", "Oslo", "Warsaw", "Dublin", "Vienna", "Prague", "Helsinki", "Riga", "Tallinn", "Budapest", "Zagreb", "Athens", "Sofia", "Bern", "Madrid"}
	things := []string{"a library", "a bridge", "a school", "a hospital wing", "a tram line", "a park"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	quotes := []string{"This belongs to everyone in %s", "%s has waited long enough for this"}
	files := map[string]string{}
	for i := 0; i < n; i++ {
		first, last := firsts[i%len(firsts)], lasts[(i/len(firsts))%len(lasts)]
		city, thing, day := cities[(i*7)%len(cities)], things[i%len(things)], days[i%len(days)]
		quote := fmt.Sprintf(quotes[edition%len(quotes)], city)
		extra := ""
		if edition > 0 {
			extra = fmt.Sprintf("\n\nDeputy Mayor %s %s of %s thanked the builders.", lasts[(i+3)%len(lasts)], firsts[(i+5)%len(firsts)], city)
		}
		if edition > 0 && i%3 == 0 {
			// A shorter version: the quote is gone.
			quote, extra = "", ""
		}
		text := fmt.Sprintf("date 2024-%02d-%02d\n\n%s — Mayor %s %s of %s opened %s on %s, after two years of work.",
			i%12+1, i%28+1, strings.ToUpper(city), first, last, city, thing, day)
		if quote != "" {
			text += fmt.Sprintf("\n\n\"%s,\" %s %s said at the ceremony.", quote, first, last)
		}
		text += fmt.Sprintf(" The city council approved the project in %d.%s\n", 2015+(i+edition)%8, extra)
		files[fmt.Sprintf("%04d-%s-%s.txt", i, strings.ToLower(last), strings.ToLower(city))] = text
	}
	writeFiles(t, dir, files)
}

// labelled splits an exported graph by article, leaving out the
// vocabulary.
func labelled(g graphSet) map[quad.Value]graphSet {
	out := g.byLabel()
	delete(out, quad.IRI(schema.VocabularyGraph))
	return out
}

// equalSets reports whether two quad sets are equal.
func equalSets(a, b graphSet) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// checkWholeArticles opens a store left by a killed build and checks that
// it holds only whole articles, each exactly as one of the clean builds in
// refs writes it. It returns how many articles it holds, and how many of
// them as the last of refs.
func checkWholeArticles(t *testing.T, db string, refs ...map[quad.Value]graphSet) (articles, latest int) {
	t.Helper()
	s, err := graph.Open(db, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the store left by a killed build does not open: %v", err)
	}
	s.Close()
	got := labelled(setOf(exportAll(t, db)))
	for label, part := range got {
		whole := false
		for i, ref := range refs {
			if want, ok := ref[label]; ok && equalSets(part, want) {
				whole = true
				if i == len(refs)-1 {
					latest++
				}
				break
			}
		}
		if !whole {
			want := refs[len(refs)-1][label]
			sameGraph(t, fmt.Sprintf("article %v after kill -9", label), part, want)
			t.Fatalf("article %v after kill -9 is no version a clean build writes", label)
		}
	}
	if st := stats(t, db); st.Articles != len(got) {
		t.Errorf("stats counts %d articles, the store has quads of %d", st.Articles, len(got))
	}
	return len(got), latest
}

// killBuilds runs build on db and kills it with SIGKILL part-way, again and
// again, checking after each kill that the store holds only whole
// articles (each as one of refs), until two kills have landed part-way.
// It returns how many articles of the last version the store then holds.
func killBuilds(t *testing.T, build func() *exec.Cmd, db string, n int, startup, per time.Duration, refs ...map[quad.Value]graphSet) int {
	t.Helper()
	done, kills := 0, 0
	for _, ahead := range []int{80, 40, 60, 20, 100, 120} {
		if kills == 2 {
			break
		}
		cmd := build()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(startup + time.Duration(ahead)*per)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		held, latest := checkWholeArticles(t, db, refs...)
		t.Logf("killed %d articles' time after start-up: %d articles stored, %d of them up to date (%d before)", ahead, held, latest, done)
		if latest < done {
			t.Fatalf("the store lost articles: %d up to date, had %d", latest, done)
		}
		if err != nil && latest > done && latest < n {
			kills++
		}
		done = latest
		if done == n {
			break
		}
	}
	if kills == 0 {
		t.Fatal("no kill landed part-way through a build")
	}
	return done
}

// timeBuild runs a build to its end and returns how long it took.
func timeBuild(t *testing.T, cmd *exec.Cmd) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
	return time.Since(start)
}

// smallBatchBuild writes n generated articles into a new folder and
// returns it with a build of it in batches of 4 articles (many
// transactions, for kill -9 to fall between or inside).
func smallBatchBuild(t *testing.T, n int) (dir string, build func(db string) *exec.Cmd) {
	bin := binary(t)
	dir = t.TempDir()
	corpus(t, dir, n, 0)
	return dir, func(db string) *exec.Cmd {
		return exec.Command(bin, "build", "--db", db, "--batch", "4", dir)
	}
}

// kill -9 at any moment of a build leaves a store that opens and holds
// only whole articles; building again finishes the job with the graph an
// uninterrupted build makes.
func TestKilledBuildResumes(t *testing.T) {
	const n = 300
	_, build := smallBatchBuild(t, n)

	// The reference: an uninterrupted build; and how long a build takes
	// to start (every article unchanged), then per article.
	ref := tempDB(t)
	took := timeBuild(t, build(ref))
	startup := timeBuild(t, build(ref))
	per := max((took-startup)/n, time.Millisecond)
	t.Logf("clean build %v: start-up %v, then %v an article", took, startup, per)
	want := setOf(exportAll(t, ref))
	refArticles := labelled(want)
	if len(refArticles) != n {
		t.Fatalf("reference build holds %d articles, want %d", len(refArticles), n)
	}

	db := tempDB(t)
	held := killBuilds(t, func() *exec.Cmd { return build(db) }, db, n, startup, per, refArticles)

	// Building again finishes the job.
	out, err := build(db).CombinedOutput()
	if err != nil {
		t.Fatalf("build after kill -9: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("built %d articles from %d files", n-held, n)) {
		t.Errorf("resumed build: %s", out)
	}
	sameGraph(t, "resumed build vs. uninterrupted build", setOf(exportAll(t, db)), want)
}

// The same when the build replaces changed articles: after kill -9 each
// article is whole, in its old version or its new one (or, caught between
// the two, absent), and building again gives the graph of an
// uninterrupted rebuild.
func TestKilledRebuildResumes(t *testing.T) {
	const n = 300
	dir, build := smallBatchBuild(t, n)
	ref := tempDB(t)
	timeBuild(t, build(ref))
	old := labelled(setOf(exportAll(t, ref)))
	db := tempDB(t)
	timeBuild(t, build(db))

	// The second edition changes every article.
	corpus(t, dir, n, 1)
	took := timeBuild(t, build(ref))
	startup := timeBuild(t, build(ref))
	per := max((took-startup)/n, time.Millisecond)
	t.Logf("clean rebuild %v: start-up %v, then %v an article", took, startup, per)
	want := setOf(exportAll(t, ref))
	updated := labelled(want)
	changed := 0
	for label, part := range updated {
		if !equalSets(part, old[label]) {
			changed++
		}
	}
	if changed != n {
		t.Fatalf("the second edition changes %d articles, want %d", changed, n)
	}

	killBuilds(t, func() *exec.Cmd { return build(db) }, db, n, startup, per, old, updated)
	if out, err := build(db).CombinedOutput(); err != nil {
		t.Fatalf("build after kill -9: %v\n%s", err, out)
	}
	sameGraph(t, "resumed rebuild vs. uninterrupted rebuild", setOf(exportAll(t, db)), want)
}

// startHolder starts a newsgraph process that keeps the store open (until
// its standard input closes, or it is stopped), and waits until the
// process holds the store's lock.
func startHolder(t *testing.T, db string, args ...string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	file := filepath.Join(strings.TrimPrefix(db, "bolt:"), "indexes.bolt")
	deadline := time.Now().Add(20 * time.Second)
	for !holdsLock(t, cmd.Process.Pid, file) {
		if time.Now().After(deadline) {
			t.Fatalf("newsgraph %s did not take the store in 20s\n%s", strings.Join(args, " "), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd, stdin
}

// holdsLock reports whether process pid holds a lock on file, from
// /proc/locks ("1: FLOCK  ADVISORY  WRITE 1234 fd:00:5678 0 EOF").
func holdsLock(t *testing.T, pid int, file string) bool {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(file, &st); err != nil {
		return false
	}
	locks, err := os.ReadFile("/proc/locks")
	if err != nil {
		t.Skipf("cannot see file locks: %v", err)
	}
	for _, line := range strings.Split(string(locks), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 || f[1] != "FLOCK" || f[4] != fmt.Sprint(pid) {
			continue
		}
		if dev := strings.Split(f[5], ":"); len(dev) == 3 && dev[2] == fmt.Sprint(st.Ino) {
			return true
		}
	}
	return false
}

// inUse runs a command against a store another process holds, and checks
// that it fails at once saying so.
func inUse(t *testing.T, args ...string) {
	t.Helper()
	start := time.Now()
	r := run(t, args...)
	took := time.Since(start)
	if !errors.Is(r.err, graph.ErrInUse) || !strings.Contains(r.err.Error(), "is in use by another newsgraph process") {
		t.Errorf("newsgraph %s on a store in use: %v, want an \"in use\" error", strings.Join(args, " "), r.err)
	}
	if took > 3*time.Second {
		t.Errorf("newsgraph %s took %v to give up", strings.Join(args, " "), took)
	}
}

// A store one process writes cannot be opened by another: it fails at
// once with a clear message instead of hanging. Readers share a store.
func TestStoreInUse(t *testing.T) {
	binary(t)
	dir := fixtures(t)
	db := tempDB(t)
	must(t, "build", "--db", db, dir)

	t.Run("reader holds it", func(t *testing.T) {
		// The query prompt holds the store (shared) until its input ends.
		cmd, stdin := startHolder(t, db, "query", "--db", db)
		must(t, "stats", "--db", db)
		must(t, "query", "--db", db, "g.V().limit(1).all()")
		must(t, "export", "--db", db)
		inUse(t, "build", "--db", db, dir)
		inUse(t, "retract", "--db", db, "madrid-talks")
		inUse(t, "import", "--db", db, "-")
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("query prompt: %v", err)
		}
	})

	t.Run("writer holds it", func(t *testing.T) {
		// Import holds the store (alone) until its input ends.
		cmd, stdin := startHolder(t, db, "import", "--db", db, "-")
		inUse(t, "stats", "--db", db)
		inUse(t, "query", "--db", db, "g.V().all()")
		inUse(t, "export", "--db", db)
		inUse(t, "build", "--db", db, dir)
		io.WriteString(stdin, "<https://example.org/held> <https://example.org/p> \"written while held\" .\n")
		stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Fatalf("import: %v", err)
		}
		if !setOf(exportAll(t, db)).has(quad.IRI("https://example.org/held"), nil, nil, nil) {
			t.Error("the import's quad is not in the store")
		}
	})

	t.Run("server holds it", func(t *testing.T) {
		cmd, _ := startHolder(t, db, "serve", "--db", db, "--addr", "127.0.0.1:0")
		must(t, "stats", "--db", db) // a read-only server shares the store
		inUse(t, "build", "--db", db, dir)
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		must(t, "build", "--db", db, dir)
	})
}
