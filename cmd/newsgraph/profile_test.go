package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestProfilesFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	cpu, heap := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "heap.prof")
	t.Setenv("NEWSGRAPH_CPUPROFILE", cpu)
	t.Setenv("NEWSGRAPH_HEAPPROFILE", heap)
	stop := startProfiles()
	grow := make([][]byte, 0, 64)
	for i := 0; i < 64; i++ {
		grow = append(grow, make([]byte, 1<<20))
	}
	time.Sleep(1500 * time.Millisecond)
	stop()
	_ = grow
	for _, path := range []string{cpu, heap} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", path)
		}
	}
}
