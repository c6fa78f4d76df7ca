package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// readJSONL reads JSON Lines records from r one line at a time, calling
// emit with each good record and its 1-based line number, and bad with each
// line that is not a good record. A line over max bytes is skipped as it
// streams, without being held. A read error (such as truncated gzip data) is
// passed to bad with the line it broke, and ends the input; the partial line
// is dropped. Input with no records at all is bad at line 0 (errEmpty).
// readJSONL returns the first error emit returns.
func readJSONL(r io.Reader, max int64, emit func(line int, a newsgraph.Article) error, bad func(line int, err error)) error {
	lr := &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
	seen := false
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		var tooLarge *tooLargeError
		switch {
		case errors.As(err, &tooLarge):
			seen = true
			bad(lr.n, err)
			continue
		case err != nil:
			bad(lr.n, err)
			return nil
		}
		if lr.n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		seen = true
		a, err := parseRecord(line)
		if err != nil {
			bad(lr.n, err)
			continue
		}
		if err := emit(lr.n, a); err != nil {
			return err
		}
	}
	if !seen {
		bad(0, errEmpty)
	}
	return nil
}

// lineReader splits input into lines of bounded size.
type lineReader struct {
	br  *bufio.Reader
	max int64
	buf []byte // the current line, reused
	n   int    // line number of the line last returned
}

// next returns the next line without its "\n" or "\r\n". A line longer than
// max is read through and discarded, and reported as a tooLargeError. At the
// end of input next returns io.EOF; on a read error it returns that error,
// dropping the partial line.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	var size int64 // bytes of the line read so far, its "\n" included
	over := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		size += int64(len(chunk))
		if !over && int64(len(l.buf)+len(chunk)) > l.max+2 {
			over, l.buf = true, l.buf[:0] // too long even without "\r\n": stop keeping it
		}
		if !over {
			l.buf = append(l.buf, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && size == 0:
			return nil, io.EOF
		case err != nil && err != io.EOF:
			l.n++
			return nil, err
		}
		l.n++
		if over {
			if err == nil {
				size-- // the "\n"
			}
			return nil, &tooLargeError{size: size, limit: l.max}
		}
		line := bytes.TrimSuffix(l.buf, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if int64(len(line)) > l.max {
			return nil, &tooLargeError{size: int64(len(line)), limit: l.max}
		}
		return line, nil
	}
}

// parseRecord reads one JSON Lines record: an object with "id" (string or
// number) and "text", and optional "title", "date", "url" and "source"
// strings. Other keys are ignored. A date that cannot be read is left out.
func parseRecord(line []byte) (newsgraph.Article, error) {
	var a newsgraph.Article
	if off := invalidUTF8(line); off >= 0 {
		return a, &utf8Error{off}
	}
	if t := bytes.TrimSpace(line); len(t) == 0 || t[0] != '{' {
		return a, errors.New("not a JSON object")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return a, fmt.Errorf("invalid JSON at byte %d: %w", syntax.Offset, err)
		}
		return a, fmt.Errorf("invalid JSON: %w", err)
	}
	var err error
	if a.ID, err = idField(fields["id"]); err != nil {
		return a, err
	}
	if raw, ok := fields["text"]; !ok || isNull(raw) {
		return a, errors.New(`missing "text"`)
	}
	if a.Text, err = stringField(fields, "text"); err != nil {
		return a, err
	}
	a.Text = strings.TrimSpace(normalizeNewlines(a.Text))
	if a.Text == "" {
		return a, errors.New(`empty "text"`)
	}
	var date string
	for _, f := range []struct {
		key string
		to  *string
	}{{"title", &a.Title}, {"date", &date}, {"url", &a.URL}, {"source", &a.Source}} {
		if *f.to, err = stringField(fields, f.key); err != nil {
			return a, err
		}
		*f.to = strings.TrimSpace(*f.to)
	}
	a.Date = normalizeDate(date)
	return a, nil
}

// idField reads "id": a non-empty string, or a number kept as written.
func idField(raw json.RawMessage) (string, error) {
	if raw == nil || isNull(raw) {
		return "", errors.New(`missing "id"`)
	}
	switch c := raw[0]; {
	case c == '"':
		var id string
		if err := json.Unmarshal(raw, &id); err != nil {
			return "", fmt.Errorf(`"id": %w`, err)
		}
		if strings.TrimSpace(id) == "" {
			return "", errors.New(`empty "id"`)
		}
		return id, nil
	case c == '-' || ('0' <= c && c <= '9'):
		return string(raw), nil
	}
	return "", fmt.Errorf(`"id" must be a string or number, not %s`, jsonKind(raw))
}

// stringField reads an optional string; a missing key or null gives "".
func stringField(fields map[string]json.RawMessage, key string) (string, error) {
	raw, ok := fields[key]
	if !ok || isNull(raw) {
		return "", nil
	}
	if raw[0] != '"' {
		return "", fmt.Errorf("%q must be a string, not %s", key, jsonKind(raw))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%q: %w", key, err)
	}
	return s, nil
}

func isNull(raw json.RawMessage) bool { return string(raw) == "null" }

// jsonKind names the type of a JSON value for messages.
func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "a string"
	}
	return "a number"
}
