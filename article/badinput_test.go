//go:build unix

package article

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBadInputsFolder walks a folder where good articles are mixed with
// every kind of bad input: each good article is delivered in order and each
// bad item gives exactly one problem.
func TestBadInputsFolder(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("The council met again to discuss the budget. ", 100) // 4500 bytes
	cut := gzipped(t, bridgeStory)
	corrupt := gzipped(t, orchardStory)
	corrupt[len(corrupt)-5] ^= 0xff // the length in the trailer

	write(t, dir, "01_good.txt", []byte(harbourStory))
	write(t, dir, "02_empty.txt", nil)
	write(t, dir, "03_blank.txt", []byte(" \n\t\r\n  "))
	write(t, dir, "04_good.html", []byte(newsPage))
	write(t, dir, "05_nul.txt", []byte("Market report\x00\x01\x02 with a NUL"))
	write(t, dir, "06_photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	write(t, dir, "07_scan.pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
	write(t, dir, "08_latin1.txt", []byte("The caf\xe9 reopened on Monday."))
	write(t, dir, "09_cut.txt.gz", cut[:len(cut)-6])
	write(t, dir, "10_corrupt.txt.gz", corrupt)
	write(t, dir, "11_big.txt", []byte(big))
	write(t, dir, "12_scripts.html", []byte(`<!doctype html><html><head><script>track()</script></head><body><script>more()</script><nav>Home</nav></body></html>`))
	write(t, dir, "13_feed.jsonl", []byte(`{"id":"feed-1","text":"A good record."}`+"\n"+`{"id":"feed-2"}`+"\n"+`{"id":"feed-3","text":"Another good record."}`+"\n"))
	write(t, dir, "14_locked.txt", []byte(bridgeStory))
	denyOpen(t, "14_locked.txt")
	link(t, filepath.Join(dir, "nowhere"), filepath.Join(dir, "15_dangling.txt"))
	link(t, "/dev/null", filepath.Join(dir, "16_null.txt"))
	ln, err := net.Listen("unix", filepath.Join(dir, "17_socket"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := syscall.Mkfifo(filepath.Join(dir, "18_pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "19_utf16.txt", []byte("\xff\xfeH\x00i\x00"))
	write(t, dir, "20_sub/21_good.md", []byte(orchardStory))
	write(t, dir, "20_sub/22_empty.html.gz", gzipped(t, ""))
	write(t, dir, "23_gzip_header_only.gz", []byte{0x1f, 0x8b, 8})
	write(t, dir, "24_good.txt", []byte(bridgeStory))

	arts, probs := walkAll(t, &Reader{MaxBytes: 4096}, dir, filepath.Join(dir, "missing.txt"))
	equal(t, "ids", ids(arts), []string{"01_good", "04_good", "feed-1", "feed-3", "21_good", "24_good"})
	equal(t, "origins", origins(dir, arts), []string{
		"01_good.txt", "04_good.html", "13_feed.jsonl:1", "13_feed.jsonl:3", "20_sub/21_good.md", "24_good.txt",
	})
	equal(t, "problems", relative(dir, probs), []string{
		"02_empty.txt: empty article",
		"03_blank.txt: empty article",
		"05_nul.txt: binary file, not an article",
		"06_photo.png: binary file, not an article (PNG image)",
		"07_scan.pdf: binary file, not an article (PDF document)",
		"08_latin1.txt: invalid UTF-8 at byte 7",
		"09_cut.txt.gz: truncated gzip data",
		"10_corrupt.txt.gz: corrupt gzip data: gzip: invalid checksum",
		"11_big.txt: article is 4.4 KB, over the 4.0 KB limit",
		"12_scripts.html: no article text in HTML",
		`13_feed.jsonl:2: missing "text"`,
		"14_locked.txt: permission denied",
		"15_dangling.txt: no such file or directory",
		"16_null.txt: not a regular file (device)",
		"17_socket: not a regular file (socket)",
		"18_pipe.txt: not a regular file (named pipe)",
		"19_utf16.txt: UTF-16 text, only UTF-8 is read",
		"20_sub/22_empty.html.gz: empty article",
		"23_gzip_header_only.gz: truncated gzip data",
		"missing.txt: no such file or directory",
	})
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

func TestSpecialPaths(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, probs := walkAll(t, &Reader{}, "/dev/null", sock)
	equal(t, "problems", relative(dir, probs), []string{
		"/dev/null: not a regular file (device)",
		"s: not a regular file (socket)",
	})
}

// TestNamedPipe reads a named pipe given by name, as the shell's <(…) does.
func TestNamedPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(`{"id":"p1","text":"Through a pipe."}` + "\n")
		f.Close()
	}()
	arts, probs := walkAll(t, &Reader{}, pipe)
	equal(t, "problems", probs, nil)
	equal(t, "ids", ids(arts), []string{"p1"})
}
