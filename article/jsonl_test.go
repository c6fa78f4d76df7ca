package article

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// jsonl runs readJSONL over in and returns the articles with their line
// numbers in Origin, and the problems as "line: message".
func jsonl(t *testing.T, in string, max int64) ([]newsgraph.Article, []string) {
	t.Helper()
	var arts []newsgraph.Article
	var probs []string
	err := readJSONL(strings.NewReader(in), max,
		func(line int, a newsgraph.Article) error {
			a.Origin = fmt.Sprint(line)
			arts = append(arts, a)
			return nil
		},
		func(line int, err error) { probs = append(probs, fmt.Sprintf("%d: %v", line, err)) })
	if err != nil {
		t.Fatal(err)
	}
	return arts, probs
}

func TestReadJSONL(t *testing.T) {
	in := "\ufeff" + `{"id":"a1","title":" Port strike ends ","date":"2023-03-17","url":"https://example.org/a1","source":"Wire","text":"Dock workers returned to work.\r\nTalks will resume.","extra":[1,2]}` + "\n" +
		"\n" +
		`   {"id": 42, "text": "Numeric id.", "date": "2023-03-17T22:15:00-04:00"}` + "\r\n" +
		`{"id":"a3","text":"Spaced date.","date":"2023-03-17 10:00:00","title":null}` + "\n" +
		`{"id":"a4","text":"Bad date is dropped.","date":"the other day"}` // no final newline
	arts, probs := jsonl(t, in, DefaultMaxBytes)
	equal(t, "problems", probs, nil)
	equal(t, "ids", ids(arts), []string{"a1", "42", "a3", "a4"})
	equal(t, "lines", origins("", arts), []string{"1", "3", "4", "5"})
	want := newsgraph.Article{ID: "a1", Title: "Port strike ends", Date: "2023-03-17", URL: "https://example.org/a1",
		Source: "Wire", Text: "Dock workers returned to work.\nTalks will resume.", Origin: "1"}
	if arts[0] != want {
		t.Errorf("record 1:\n got  %+v\n want %+v", arts[0], want)
	}
	if arts[1].Date != "2023-03-17" || arts[2].Date != "2023-03-17" || arts[3].Date != "" {
		t.Errorf("dates: %q %q %q", arts[1].Date, arts[2].Date, arts[3].Date)
	}
}

func TestReadJSONLBadLines(t *testing.T) {
	lines := []struct{ line, want string }{
		{`{"id":"ok1","text":"Good record."}`, ""},
		{`{"id":"x","text":"unterminated}`, `invalid JSON at byte 31: unexpected end of JSON input`},
		{`{"text":"No id."}`, `missing "id"`},
		{`{"id":null,"text":"Null id."}`, `missing "id"`},
		{`{"id":"  ","text":"Blank id."}`, `empty "id"`},
		{`{"id":["a"],"text":"Array id."}`, `"id" must be a string or number, not an array`},
		{`{"id":"x"}`, `missing "text"`},
		{`{"id":"x","text":"  \n "}`, `empty "text"`},
		{`{"id":"x","text":17}`, `"text" must be a string, not a number`},
		{`{"id":"x","text":"T.","title":true}`, `"title" must be a string, not a boolean`},
		{`{"id":"x","text":"T.","date":20230317}`, `"date" must be a string, not a number`},
		{`["id","text"]`, `not a JSON object`},
		{`{"id":"x","text":"T."} {"id":"y"}`, `invalid JSON at byte 24: invalid character '{' after top-level value`},
		{"{\"id\":\"x\",\"text\":\"Caf\xe9\"}", `invalid UTF-8 at byte 21`},
		{`{"id":"ok2","text":"` + strings.Repeat("a", 200) + `"}`, `article is 222 bytes, over the 200 bytes limit`},
		{`{"id":"ok3","text":"Last good record."}`, ""},
	}
	var in strings.Builder
	var want []string
	for i, l := range lines {
		in.WriteString(l.line + "\n")
		if l.want != "" {
			want = append(want, fmt.Sprintf("%d: %s", i+1, l.want))
		}
	}
	arts, probs := jsonl(t, in.String(), 200)
	equal(t, "problems", probs, want)
	equal(t, "ids", ids(arts), []string{"ok1", "ok3"})
	equal(t, "lines", origins("", arts), []string{"1", "16"})
}

func TestReadJSONLEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n"} {
		arts, probs := jsonl(t, in, 100)
		if len(arts) != 0 || strings.Join(probs, "|") != "0: empty article" {
			t.Errorf("%q: arts %v, problems %q", in, arts, probs)
		}
	}
}

// flushedGzip compresses lines with a flush after each, so that a cut in
// one line leaves the lines before it readable.
func flushedGzip(t *testing.T, lines ...string) (data []byte, ends []int) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	for _, l := range lines {
		zw.Write([]byte(l + "\n"))
		if err := zw.Flush(); err != nil {
			t.Fatal(err)
		}
		ends = append(ends, b.Len())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), ends
}

func TestTruncatedGzipJSONL(t *testing.T) {
	dir := t.TempDir()
	data, ends := flushedGzip(t,
		`{"id":"g1","text":"First complete record."}`,
		`{"id":"g2","text":"Second complete record."}`,
		`{"id":"g3","text":"`+strings.Repeat("The third record is cut short. ", 40)+`"}`,
	)
	// Cut inside the third line: the first two are delivered, the partial third is not.
	write(t, dir, "cut.jsonl.gz", data[:ends[1]+(ends[2]-ends[1])/2])
	// Lose the trailer only: every line is whole, but the file is damaged.
	write(t, dir, "trailer.jsonl.gz", data[:len(data)-4])
	// Flip the checksum.
	bad := bytes.Clone(data)
	bad[len(bad)-8] ^= 0xff
	write(t, dir, "zchecksum.jsonl.gz", bad)

	arts, probs := walkAll(t, &Reader{}, dir)
	equal(t, "ids", ids(arts), []string{"g1", "g2", "g1-2", "g2-2", "g3", "g1-3", "g2-3", "g3-2"})
	equal(t, "origins", origins(dir, arts), []string{
		"cut.jsonl.gz:1", "cut.jsonl.gz:2",
		"trailer.jsonl.gz:1", "trailer.jsonl.gz:2", "trailer.jsonl.gz:3",
		"zchecksum.jsonl.gz:1", "zchecksum.jsonl.gz:2", "zchecksum.jsonl.gz:3",
	})
	equal(t, "problems", relative(dir, probs), []string{
		"cut.jsonl.gz:3: truncated gzip data",
		"trailer.jsonl.gz:4: truncated gzip data",
		"zchecksum.jsonl.gz:4: corrupt gzip data: gzip: invalid checksum",
	})
}
