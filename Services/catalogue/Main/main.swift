print("odop-catalogue: not built yet")
