package article

import (
	"io/fs"
	"math"
	"path"

	"github.com/newsgraph/newsgraph"
)

// WalkFS reads the articles of a file system (the embedded sample
// articles, say) under root, in lexical order, as Walk reads a folder.
func (r *Reader) WalkFS(fsys fs.FS, root string, fn func(newsgraph.Article) error) (problems int, err error) {
	w := &walker{r: r, fn: fn, max: r.MaxBytes, ids: map[string]bool{}, next: map[string]int{}}
	if w.max <= 0 {
		w.max = DefaultMaxBytes
	}
	w.max = min(w.max, math.MaxInt64/2)
	err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.problem(p, 0, err)
			return nil
		}
		if p != root && d.Name()[0] == '.' {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			w.problem(p, 0, err)
			return nil
		}
		defer f.Close()
		return w.stream(f, p, fileID(path.Base(p)), formatOf(p))
	})
	return w.problems, err
}
