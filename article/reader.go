// Package article reads news articles from plain text, HTML and JSON Lines
// files (each optionally gzipped), from folders of them, and from standard
// input. It streams: at most one article or JSON Lines record is held in
// memory at a time.
package article

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// DefaultMaxBytes is the largest article accepted when Reader.MaxBytes is 0.
const DefaultMaxBytes = 8 << 20

// Reader reads articles from paths.
type Reader struct {
	// Stdin is read for the path "-"; os.Stdin when nil.
	Stdin io.Reader
	// MaxBytes is the largest article accepted, counted in bytes of the
	// (decompressed) file, or of the line for a JSON Lines record;
	// DefaultMaxBytes when 0 or less.
	MaxBytes int64
	// OnProblem is called for each skipped item (a file, folder or JSON
	// Lines record); it may be nil.
	OnProblem func(*Problem)
}

// openFile and readDir open a file and list a folder; tests replace them
// to simulate failures.
var (
	openFile = func(name string) (io.ReadCloser, error) { return os.Open(name) }
	readDir  = os.ReadDir
)

// Walk reads every article under paths and calls fn for each, in a
// deterministic order: paths in the order given, and inside a folder,
// recursively in lexical order, skipping names that start with ".".
// The path "-" reads r.Stdin. Items that cannot be read are passed to
// OnProblem and skipped. Walk returns the number of problems, and an error
// only if fn returned one, which stops the walk.
//
// IDs are unique within one Walk: when an ID repeats, the later article gets
// "-2", "-3", … appended.
func (r *Reader) Walk(paths []string, fn func(newsgraph.Article) error) (problems int, err error) {
	w := &walker{r: r, fn: fn, max: r.MaxBytes, ids: map[string]bool{}, next: map[string]int{}}
	if w.max <= 0 {
		w.max = DefaultMaxBytes
	}
	w.max = min(w.max, math.MaxInt64/2) // room to count past the limit
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return w.problems, err
		}
	}
	return w.problems, nil
}

// walker holds the state of one Walk.
type walker struct {
	r        *Reader
	fn       func(newsgraph.Article) error
	max      int64
	ids      map[string]bool // IDs handed out so far
	next     map[string]int  // next suffix to try for a repeated ID
	problems int
}

func (w *walker) problem(path string, line int, err error) {
	w.problems++
	if w.r.OnProblem != nil {
		w.r.OnProblem(&Problem{Path: path, Line: line, Err: err})
	}
}

// emit makes a's ID unique and hands it to fn.
func (w *walker) emit(a newsgraph.Article) error {
	a.ID = w.uniqueID(a.ID)
	return w.fn(a)
}

func (w *walker) uniqueID(id string) string {
	if !w.ids[id] {
		w.ids[id] = true
		return id
	}
	n := max(w.next[id], 2)
	for w.ids[fmt.Sprintf("%s-%d", id, n)] {
		n++
	}
	w.next[id] = n + 1
	u := fmt.Sprintf("%s-%d", id, n)
	w.ids[u] = true
	return u
}

// path reads one path given to Walk.
func (w *walker) path(p string) error {
	if p == "-" {
		in := w.r.Stdin
		if in == nil {
			in = os.Stdin
		}
		return w.stream(in, "-", "stdin", formatUnknown)
	}
	info, err := os.Stat(p)
	if err != nil {
		w.problem(p, 0, err)
		return nil
	}
	if info.IsDir() {
		return w.dir(p)
	}
	return w.file(p, info, true)
}

// dir reads a folder recursively in lexical order, skipping hidden names.
// Symbolic links to files are read; links to folders are not followed.
func (w *walker) dir(dir string) error {
	entries, err := readDir(dir)
	if err != nil {
		w.problem(dir, 0, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if err := w.dir(p); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			w.problem(p, 0, err)
			continue
		}
		if info.IsDir() {
			w.problem(p, 0, errDirLink)
			continue
		}
		if err := w.file(p, info, false); err != nil {
			return err
		}
	}
	return nil
}

// file reads one file. A named pipe is read only when named explicitly.
func (w *walker) file(p string, info fs.FileInfo, explicit bool) error {
	mode := info.Mode()
	if !mode.IsRegular() && !(explicit && mode&fs.ModeNamedPipe != 0) {
		w.problem(p, 0, &notRegularError{mode})
		return nil
	}
	f, err := openFile(p)
	if err != nil {
		w.problem(p, 0, err)
		return nil
	}
	defer f.Close()
	return w.stream(f, p, fileID(p), formatOf(p))
}

// stream reads the articles of one input: it gunzips, sniffs the format and
// hands the content to the matching parser.
func (w *walker) stream(src io.Reader, path, id string, hint format) error {
	br, err := decompress(src)
	if err != nil {
		w.problem(path, 0, err)
		return nil
	}
	head, err := br.Peek(sniffLen)
	atEOF := err == io.EOF
	if err != nil && !atEOF && len(bytes.TrimSpace(head)) == 0 {
		w.problem(path, 0, err)
		return nil
	}
	// Other read errors surface again when the parser reads on, after the
	// records before the damage.
	f, err := detect(hint, head, atEOF)
	if err != nil {
		w.problem(path, 0, err)
		return nil
	}
	var a newsgraph.Article
	switch f {
	case formatJSONL:
		return readJSONL(br, w.max,
			func(line int, a newsgraph.Article) error {
				a.Origin = fmt.Sprintf("%s:%d", path, line)
				return w.emit(a)
			},
			func(line int, err error) { w.problem(path, line, err) })
	case formatHTML:
		a, err = readHTML(br, id, w.max)
	default:
		a, err = readText(br, id, w.max)
	}
	if err != nil {
		w.problem(path, 0, err)
		return nil
	}
	a.Origin = path
	return w.emit(a)
}

// readAll reads a whole article of at most max bytes and checks that it is
// non-empty UTF-8 text. A leading byte order mark is dropped.
func readAll(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		// Count the rest without keeping it, to say how large it is.
		rest, err := io.Copy(io.Discard, r)
		if err != nil {
			return nil, err
		}
		return nil, &tooLargeError{size: int64(len(data)) + rest, limit: max}
	}
	if err := checkContent(data); err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(data, utf8BOM), nil
}

// checkContent rejects empty, binary and non-UTF-8 content.
func checkContent(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return errEmpty
	}
	if err := checkBinary(data[:min(len(data), sniffLen)]); err != nil {
		return err
	}
	if off := invalidUTF8(data); off >= 0 {
		return &utf8Error{off}
	}
	return nil
}
