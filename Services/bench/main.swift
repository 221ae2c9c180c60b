print("odop-bench: being written")
