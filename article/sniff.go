package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// sniffLen is how much of the content is looked at to tell its format.
const sniffLen = 8 << 10

var utf8BOM = []byte("\xef\xbb\xbf")

// format is the kind of content a file holds.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSONL
)

// formatOf tells the format from a file name's extension, after an
// optional ".gz".
func formatOf(name string) format {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".text", ".md":
		return formatText
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".jsonl", ".ndjson":
		return formatJSONL
	}
	return formatUnknown
}

// fileID is a file's base name without ".gz" and one more extension:
// "a/b/003_x.txt.gz" gives "003_x".
func fileID(path string) string {
	base := filepath.Base(path)
	name := base
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		name = name[:len(name)-len(".gz")]
	}
	name = strings.TrimSuffix(name, filepath.Ext(name))
	if name == "" {
		return base
	}
	return name
}

// detect tells the format of content that starts with head (all of it when
// atEOF), using the extension's hint when there is one.
func detect(hint format, head []byte, atEOF bool) (format, error) {
	if atEOF && len(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))) == 0 {
		return 0, errEmpty
	}
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return 0, errUTF16
	}
	if err := checkBinary(head); err != nil {
		return 0, err
	}
	if hint != formatUnknown {
		return hint, nil
	}
	start := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n\f\v")
	switch {
	case len(start) > 0 && start[0] == '{':
		return formatJSONL, nil
	case looksHTML(start):
		return formatHTML, nil
	}
	return formatText, nil
}

// looksHTML reports whether content (without leading space) is an HTML page.
func looksHTML(start []byte) bool {
	lower := bytes.ToLower(start)
	for _, p := range []string{"<!doctype html", "<html", "<head"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return bytes.Contains(lower, []byte("<body"))
}

// binaryMagic lists the leading bytes of common non-text formats.
var binaryMagic = []struct{ magic, kind string }{
	{"%PDF-", "PDF document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"PK\x03\x04", "ZIP archive or office document"},
	{"PK\x05\x06", "ZIP archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old office document"},
	{"\x7fELF", "executable"},
	{"\xcf\xfa\xed\xfe", "executable"},
	{"\x1f\x8b", "gzip data inside gzip"},
	{"BZh", "bzip2 data; only gzip is read"},
	{"\xfd7zXZ\x00", "xz data; only gzip is read"},
	{"\x28\xb5\x2f\xfd", "zstd data; only gzip is read"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"OggS", "Ogg media"},
	{"\x1a\x45\xdf\xa3", "Matroska video"},
	{"wOFF", "font"},
	{"wOF2", "font"},
}

// checkBinary returns a binaryError when head holds a NUL byte or starts
// like a known binary format.
func checkBinary(head []byte) error {
	for _, m := range binaryMagic {
		if !bytes.HasPrefix(head, []byte(m.magic)) {
			continue
		}
		// "BZh" could start a text: require the rest of the bzip2 header.
		if m.magic == "BZh" && !(len(head) >= 10 && string(head[4:10]) == "1AY&SY") {
			continue
		}
		return &binaryError{m.kind}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return &binaryError{}
	}
	return nil
}

// invalidUTF8 is the offset of the first byte of data that is not valid
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// decompress returns src's content, buffered, gunzipped when it starts with
// the gzip magic bytes whatever its name.
func decompress(src io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(src, 64<<10)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, &gzipError{err}
	}
	return bufio.NewReaderSize(gunzipReader{zr}, 64<<10), nil
}

// gunzipReader marks the errors of a gzip.Reader as damaged gzip data.
type gunzipReader struct{ zr *gzip.Reader }

func (g gunzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	var pathErr *fs.PathError
	if err != nil && err != io.EOF && !errors.As(err, &pathErr) {
		err = &gzipError{err}
	}
	return n, err
}
