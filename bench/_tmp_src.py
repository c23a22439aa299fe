import time
from bench.corpus import Spec, article_text
from flows.extract import _make_pool, extract_parallel, extract_rows
spec=Spec(10,100)
arts=[]
for o in range(10):
    for i in range(100):
        t,ps=article_text(spec,o,i)
        arts.append({"article_id":f"{o}-{i}","text":"\n\n".join(ps),"published_at":spec.published(o,i),"outlet":"x","title":t})
