package article

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// Problem is one item that could not be read: a file, a folder, or a JSON
// Lines record. Error reads "path: reason", or "path:line: reason" for a
// JSON Lines record.
type Problem struct {
	Path string // the path as walked, "-" for standard input
	Line int    // 1-based line of a JSON Lines record; 0 for a whole file
	Err  error
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	b.WriteString(reason(p.Path, p.Err))
	return b.String()
}

func (p *Problem) Unwrap() error { return p.Err }

// reason is err's message without the path that Problem already shows.
func reason(path string, err error) string {
	if err == nil {
		return "unknown problem"
	}
	if pe, ok := err.(*fs.PathError); ok && pe.Path == path {
		switch pe.Op {
		case "open", "stat", "lstat":
			return pe.Err.Error()
		}
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

var (
	errEmpty      = errors.New("empty article")
	errNoHTMLText = errors.New("no article text in HTML")
	errUTF16      = errors.New("UTF-16 text, only UTF-8 is read")
	errDirLink    = errors.New("symbolic link to a folder, not followed")
)

// binaryError reports content that is not text.
type binaryError struct{ kind string } // kind names a known format, if any

func (e *binaryError) Error() string {
	if e.kind == "" {
		return "binary file, not an article"
	}
	return "binary file, not an article (" + e.kind + ")"
}

// tooLargeError reports an article or record over Reader.MaxBytes.
type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("article is %s, over the %s limit", formatSize(e.size), formatSize(e.limit))
}

// utf8Error reports the offset of the first byte that is not valid UTF-8.
type utf8Error struct{ offset int }

func (e *utf8Error) Error() string { return fmt.Sprintf("invalid UTF-8 at byte %d", e.offset) }

// gzipError reports damaged gzip data.
type gzipError struct{ err error }

func (e *gzipError) Error() string {
	if errors.Is(e.err, io.ErrUnexpectedEOF) {
		return "truncated gzip data"
	}
	return "corrupt gzip data: " + e.err.Error()
}

func (e *gzipError) Unwrap() error { return e.err }

// notRegularError reports a path that is neither a file nor a folder.
type notRegularError struct{ mode fs.FileMode }

func (e *notRegularError) Error() string {
	kind := "irregular file"
	switch {
	case e.mode&fs.ModeDevice != 0:
		kind = "device"
	case e.mode&fs.ModeSocket != 0:
		kind = "socket"
	case e.mode&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	}
	return "not a regular file (" + kind + ")"
}

// formatSize renders a byte count for messages: "512 bytes", "4.9 KB", "50.0 MB".
func formatSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
