// The kernel benchmark is being written; see docs/benchmarks.md.
return 0;
