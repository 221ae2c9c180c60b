// odop-bench: see Commands.swift for the command line and README.md ("Benchmarks").
OdopBench.main()
