package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// startProfiles starts the profiles asked for in the environment, for
// measuring a whole command (BENCHMARKS.md): NEWSGRAPH_CPUPROFILE names a
// file for a CPU profile of the run, NEWSGRAPH_HEAPPROFILE one for the
// heap as it was at its largest (sampled every second). The returned
// function ends them.
func startProfiles() (stop func()) {
	var stops []func()
	if path := os.Getenv("NEWSGRAPH_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "newsgraph: cpu profile %s: %v\n", path, err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("NEWSGRAPH_HEAPPROFILE"); path != "" {
		done, exited := make(chan struct{}), make(chan struct{})
		var peak uint64
		sample := func() {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc <= peak {
				return
			}
			peak = ms.HeapAlloc
			if err := writeHeapProfile(path); err != nil {
				fmt.Fprintf(os.Stderr, "newsgraph: heap profile %s: %v\n", path, err)
			}
		}
		go func() {
			defer close(exited)
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
					sample()
				}
			}
		}()
		stops = append(stops, func() { close(done); <-exited })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
