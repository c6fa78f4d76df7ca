package article

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph"
)

const samplePage = `<!DOCTYPE html><html><head><title>Ferry terminal opens</title></head>
<body><nav>Home | World</nav><article><p>The new terminal opened on Friday.</p></article></body></html>`

func TestWalkFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte(bridgeStory))
	write(t, dir, "a.txt", []byte(harbourStory))
	write(t, dir, "sub/c.md", []byte(orchardStory))
	write(t, dir, "sub/z.html", []byte(samplePage))
	write(t, dir, ".hidden.txt", []byte(orchardStory))
	write(t, dir, ".git/x.txt", []byte(orchardStory))
	write(t, dir, "d.jsonl", []byte(`{"id":"d1","text":"First record."}`+"\n"+`{"id":"d2","text":"Second record."}`+"\n"))
	write(t, dir, "e.txt.gz", gzipped(t, orchardStory))
	write(t, dir, "feed", []byte(` {"id":"f1","text":"Sniffed as JSON Lines."}`))
	write(t, dir, "notes", []byte(bridgeStory))
	write(t, dir, "page", []byte("<html><body><p>Sniffed as HTML.</p></body></html>"))

	arts, probs := walkAll(t, &Reader{}, dir)
	equal(t, "problems", probs, nil)
	equal(t, "ids", ids(arts), []string{"a", "b", "d1", "d2", "e", "f1", "notes", "page", "c", "z"})
	equal(t, "origins", origins(dir, arts), []string{
		"a.txt", "b.txt", "d.jsonl:1", "d.jsonl:2", "e.txt.gz", "feed:1", "notes", "page", "sub/c.md", "sub/z.html",
	})
	if a := arts[0]; a.Date != "2021-06-04" || !strings.HasPrefix(a.Text, "The harbour authority") {
		t.Errorf("a.txt: date %q, text %q", a.Date, a.Text)
	}
	if got := arts[4].Text; got != orchardStory {
		t.Errorf("e.txt.gz text = %q", got)
	}
	if got := arts[7].Text; got != "Sniffed as HTML." {
		t.Errorf("page text = %q", got)
	}
	if a := arts[9]; a.Title != "Ferry terminal opens" || a.Text != "The new terminal opened on Friday." {
		t.Errorf("z.html: title %q, text %q", a.Title, a.Text)
	}
}

func TestWalkPathsInGivenOrder(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(harbourStory))
	b := write(t, dir, "b.txt", []byte(bridgeStory))
	arts, _ := walkAll(t, &Reader{}, b, a)
	equal(t, "ids", ids(arts), []string{"b", "a"})
}

func TestWalkHiddenRootIsRead(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, ".drafts/story.txt", []byte(bridgeStory))
	arts, probs := walkAll(t, &Reader{}, filepath.Join(dir, ".drafts"), p)
	equal(t, "problems", probs, nil)
	equal(t, "ids", ids(arts), []string{"story", "story-2"})
}

func TestFileID(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/003_x.txt.gz":   "003_x",
		"story.TXT.GZ":       "story",
		"report.v2.html":     "report.v2",
		"feed.jsonl":         "feed",
		"README":             "README",
		".txt":               ".txt",
		"dir/2023-03-17.md":  "2023-03-17",
		"noext.gz":           "noext",
		"folder.d/notes.txt": "notes",
	} {
		if got := fileID(in); got != want {
			t.Errorf("fileID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIDCollisions(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/x.txt", []byte(harbourStory))
	write(t, dir, "b/x.html", []byte(samplePage))
	write(t, dir, "c.jsonl", []byte(`{"id":"x","text":"Third."}`+"\n"+`{"id":"x-2","text":"Fourth."}`+"\n"+`{"id":"x","text":"Fifth."}`))
	for range 2 { // the same on every walk
		arts, probs := walkAll(t, &Reader{}, dir)
		equal(t, "problems", probs, nil)
		equal(t, "ids", ids(arts), []string{"x", "x-2", "x-3", "x-2-2", "x-4"})
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, in     string
		ids, origins []string
	}{
		{"text", harbourStory, []string{"stdin"}, []string{"-"}},
		{"html", samplePage, []string{"stdin"}, []string{"-"}},
		{"jsonl", "\n" + `{"id":"s1","text":"One."}` + "\n\n" + `{"id":"s2","text":"Two."}`, []string{"s1", "s2"}, []string{"-:2", "-:4"}},
		{"gzip", string(gzipped(t, bridgeStory)), []string{"stdin"}, []string{"-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, probs := walkAll(t, &Reader{Stdin: strings.NewReader(tt.in)}, "-")
			equal(t, "problems", probs, nil)
			equal(t, "ids", ids(arts), tt.ids)
			equal(t, "origins", origins("", arts), tt.origins)
		})
	}
	arts, _ := walkAll(t, &Reader{Stdin: strings.NewReader(harbourStory)}, "-")
	if a := arts[0]; a.Date != "2021-06-04" || strings.HasPrefix(a.Text, "date") {
		t.Errorf("stdin text: date %q, text %q", a.Date, a.Text)
	}
	arts, _ = walkAll(t, &Reader{Stdin: strings.NewReader(samplePage)}, "-")
	if a := arts[0]; a.Title != "Ferry terminal opens" || a.Text != "The new terminal opened on Friday." {
		t.Errorf("stdin HTML: title %q, text %q", a.Title, a.Text)
	}
}

func TestGzipDetectedByMagic(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "plain.txt", gzipped(t, bridgeStory))
	write(t, dir, "records.dat", gzipped(t, `{"id":"r1","text":"Compressed record."}`))
	write(t, dir, "page.html.gz", gzipped(t, samplePage))
	arts, probs := walkAll(t, &Reader{}, dir)
	equal(t, "problems", probs, nil)
	equal(t, "ids", ids(arts), []string{"page", "plain", "r1"})
	if arts[1].Text != bridgeStory {
		t.Errorf("plain.txt text = %q", arts[1].Text)
	}
}

func TestFnErrorStopsWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte(harbourStory))
	write(t, dir, "b.jsonl", []byte(`{"id":"b1","text":"One."}`+"\n"+`{"id":"b2","text":"Two."}`))
	write(t, dir, "c.txt", []byte(bridgeStory))
	stop := errors.New("enough")
	var seen []string
	n, err := (&Reader{}).Walk([]string{dir, "missing.txt"}, func(a newsgraph.Article) error {
		seen = append(seen, a.ID)
		if a.ID == "b1" {
			return stop
		}
		return nil
	})
	if err != stop || n != 0 {
		t.Errorf("Walk = %d, %v; want 0, %v", n, err, stop)
	}
	equal(t, "seen", seen, []string{"a", "b1"})
}

func TestMissingPath(t *testing.T) {
	var got []*Problem
	r := &Reader{OnProblem: func(p *Problem) { got = append(got, p) }}
	n, err := r.Walk([]string{"no/such/story.txt"}, func(newsgraph.Article) error { return nil })
	if n != 1 || err != nil || len(got) != 1 {
		t.Fatalf("Walk = %d, %v, problems %v", n, err, got)
	}
	p := got[0]
	if p.Error() != "no/such/story.txt: no such file or directory" {
		t.Errorf("message %q", p.Error())
	}
	if p.Path != "no/such/story.txt" || p.Line != 0 || !errors.Is(p, fs.ErrNotExist) {
		t.Errorf("problem %+v", p)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "locked.txt", []byte(bridgeStory))
	write(t, dir, "open.txt", []byte(orchardStory))
	if os.Geteuid() == 0 {
		// root reads anything: make the open fail as it would for others.
		denyOpen(t, "locked.txt")
	} else if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	arts, probs := walkAll(t, &Reader{}, dir)
	equal(t, "ids", ids(arts), []string{"open"})
	equal(t, "problems", relative(dir, probs), []string{"locked.txt: permission denied"})
}

// denyOpen makes opening files named name fail with "permission denied"
// for the rest of the test.
func denyOpen(t *testing.T, name string) {
	orig := openFile
	openFile = func(p string) (io.ReadCloser, error) {
		if filepath.Base(p) == name {
			return nil, &fs.PathError{Op: "open", Path: p, Err: syscall.EACCES}
		}
		return orig(p)
	}
	t.Cleanup(func() { openFile = orig })
}

func TestUnreadableFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "closed/a.txt", []byte(bridgeStory))
	write(t, dir, "open/b.txt", []byte(orchardStory))
	closed := filepath.Join(dir, "closed")
	if os.Geteuid() == 0 {
		orig := readDir
		readDir = func(p string) ([]fs.DirEntry, error) {
			if p == closed {
				return nil, &fs.PathError{Op: "open", Path: p, Err: syscall.EACCES}
			}
			return orig(p)
		}
		t.Cleanup(func() { readDir = orig })
	} else {
		if err := os.Chmod(closed, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(closed, 0o755) })
	}
	arts, probs := walkAll(t, &Reader{}, dir)
	equal(t, "ids", ids(arts), []string{"b"})
	equal(t, "problems", relative(dir, probs), []string{"closed: permission denied"})
}

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := write(t, t.TempDir(), "elsewhere.txt", []byte(orchardStory))
	write(t, dir, "in/a.txt", []byte(bridgeStory))
	for name, to := range map[string]string{"link.txt": target, "loop": dir, "gone.txt": filepath.Join(dir, "nothing")} {
		if err := os.Symlink(to, filepath.Join(dir, "in", name)); err != nil {
			t.Skip("no symbolic links:", err)
		}
	}
	arts, probs := walkAll(t, &Reader{}, filepath.Join(dir, "in"))
	equal(t, "ids", ids(arts), []string{"a", "link"})
	equal(t, "problems", relative(dir, probs), []string{
		"in/gone.txt: no such file or directory",
		"in/loop: symbolic link to a folder, not followed",
	})
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("The council met again to discuss the budget. ", 112) // 5040 bytes
	write(t, dir, "1.txt", []byte(big))
	write(t, dir, "2.txt.gz", gzipped(t, big))
	write(t, dir, "3.txt", []byte(big[:1024]))
	arts, probs := walkAll(t, &Reader{MaxBytes: 1024}, dir)
	equal(t, "ids", ids(arts), []string{"3"})
	equal(t, "problems", relative(dir, probs), []string{
		"1.txt: article is 4.9 KB, over the 1.0 KB limit",
		"2.txt.gz: article is 4.9 KB, over the 1.0 KB limit",
	})
}

// repeatReader yields n copies of the byte c.
type repeatReader struct {
	c byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), r.n)
	for i := range k {
		p[i] = r.c
	}
	r.n -= k
	return int(k), nil
}

func TestHugeJSONLineStreams(t *testing.T) {
	const huge = 64 << 20
	in := io.MultiReader(
		strings.NewReader(`{"id":"big","text":"`),
		&repeatReader{c: 'x', n: huge},
		strings.NewReader("\"}\n"+`{"id":"small","text":"After the big one."}`+"\n"),
	)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	arts, probs := walkAll(t, &Reader{Stdin: in, MaxBytes: 1 << 20}, "-")
	runtime.ReadMemStats(&after)
	equal(t, "problems", probs, []string{"-:1: article is 64.0 MB, over the 1.0 MB limit"})
	equal(t, "ids", ids(arts), []string{"small"})
	equal(t, "origins", origins("", arts), []string{"-:2"})
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("reading a 64 MB line allocated %d MB; it should be streamed", alloc>>20)
	}
}

func TestProblemError(t *testing.T) {
	p := &Problem{Path: "feed.jsonl", Line: 7, Err: errors.New(`missing "id"`)}
	if got := p.Error(); got != `feed.jsonl:7: missing "id"` {
		t.Errorf("Error() = %q", got)
	}
	p = &Problem{Path: "a.txt", Err: errEmpty}
	if got := p.Error(); got != "a.txt: empty article" || !errors.Is(p, errEmpty) {
		t.Errorf("Error() = %q", got)
	}
	for n, want := range map[int64]string{
		512: "512 bytes", 5040: "4.9 KB", 8 << 20: "8.0 MB", 50 << 20: "50.0 MB", 3 << 30: "3.0 GB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
	if got := (&tooLargeError{50 << 20, DefaultMaxBytes}).Error(); got != "article is 50.0 MB, over the 8.0 MB limit" {
		t.Errorf("tooLargeError = %q", got)
	}
}
