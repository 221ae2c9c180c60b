print("odopctl: not built yet")
