from bench._tmp_src import arts
from flows.extract import _make_pool, extract_parallel, extract_rows
if __name__ == "__main__":
    a = extract_rows(arts, "r")
    pool = _make_pool("process", 2)
    b = extract_parallel(arts, "r", pool, 2)
    pool.shutdown()
    print(len(a[0]), len(b[0]), len(a[1]), len(b[1]))
    for x, y in zip(a[0] + a[1], b[0] + b[1]):
        if x != y:
            print({k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)})
            break
