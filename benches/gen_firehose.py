#!/usr/bin/env python3
"""Generate a firehose-shaped archive: a bot that writes the whole arXiv listing of a
few categories every day, one topic file a day in a layout no family parser knows
(`#### [new 001] Title`, bold labels inside list items, a quoted author line, `---`).

Usage: gen_firehose.py OUT_DIR [--days 225] [--mean 640] [--max 1900] [--seed 7]

Days hold `mean` papers on average and the biggest day `max` papers (about 2.6 MB), as
the largest real firehose bot does. Deterministic: the same arguments give the same
bytes. Standard library only.
"""
import argparse
import datetime
import os
import random

WORDS = ("learning model neural network diffusion agent language vision robot graph "
         "benchmark reasoning efficient scalable sparse attention token policy reward "
         "latent retrieval memory planning video audio speech multimodal quantum "
         "gradient transformer dataset evaluation alignment safety").split()
NAMES = ("Ann Lee;Bo Chen;Cy Dor;Dee Fox;Eli Park;Fay Wu;Gus Moe;Hana Ito;Ivo Rau;"
         "Jun Ma;Kai Sun;Lea Roy;Mo Diaz;Nia Holt;Oli Berg;Pia Lund").split(";")
CATS = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.RO", "stat.ML", "eess.AS"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--days", type=int, default=225)
    ap.add_argument("--mean", type=int, default=640)
    ap.add_argument("--max", type=int, default=1900)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    start = datetime.date(2025, 1, 1)
    serial = 0
    total = 0
    for d in range(a.days):
        day = start + datetime.timedelta(days=d)
        n = a.max if d == a.days - 1 else max(1, int(rng.gauss(a.mean, a.mean / 4)))
        folder = os.path.join(a.out, "content", "daily_papers", day.strftime("%Y%m%d_%a"))
        os.makedirs(folder, exist_ok=True)
        lines = [f"# 论文 {' '.join(CATS[:3])}", "", f"- **最新发布 {n} 篇**", "", "## 最新发布", ""]
        for i in range(n):
            serial += 1
            yymm = day.strftime("%y%m")
            pid = f"{yymm}.{serial % 100000:05d}"
            title = sentence(rng, rng.randint(5, 14)).rstrip(".").title()
            if rng.random() < 0.1:
                title += " with $O(n^{2})$ Cost"
            cats = "; ".join(rng.sample(CATS, rng.randint(1, 3)))
            authors = "; ".join(rng.sample(NAMES, rng.randint(1, 6)))
            lines += [
                f"#### [new {i + 1:03d}] {title}",
                f"- **分类: {cats}**",
                f"- **简介: {sentence(rng, rng.randint(12, 30))}**",
                f"- **链接: [http://arxiv.org/pdf/{pid}v1](http://arxiv.org/pdf/{pid}v1)**",
                "",
                f"> **作者:** {authors}",
                ">",
                f"> **摘要:** {sentence(rng, rng.randint(60, 150))}",
                ">",
                "---",
                "",
            ]
        with open(os.path.join(folder, "text.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        total += n
    print(f"{a.days} days, {total} papers in {a.out}/content")


if __name__ == "__main__":
    main()
