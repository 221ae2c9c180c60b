print("odop-exports: not built yet")
