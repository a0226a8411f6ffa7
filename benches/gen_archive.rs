//! gen_archive: a seeded, dependency-free generator of synthetic papertrail archives.
//!
//! Build (std only, no crates):
//!     rustc -O benches/gen_archive.rs -o target/gen_archive
//! Run:
//!     target/gen_archive --days N --seed S --out DIR [--start 2016-01-01] [--force]
//!
//! Writes DIR/config.toml and DIR/content/YYYY/MM/YYYY-MM-DD.md (plus
//! YYYY-MM-DD-feed.md on days that carry both a table digest and a feed dump).
//! The shape mimics the two real digest formats in /work/shared/seeds:
//!
//! * consecutive days from --start, 10..=40 papers a day (uniform);
//! * ~20% of days have BOTH a table file and a feed file sharing most ids; of the
//!   rest, 60% are table digests (format A) and 40% feed dumps (format B), so about
//!   68% of days carry a table and 52% a feed;
//! * ~1/4 of table files use the `| Category | Title | Authors | Summary |` header;
//! * ~1/3 of titles are longer than 72 characters and wrap onto a second physical
//!   line that starts with two spaces, exactly as arXiv titles do in the seeds;
//! * new-style arXiv ids YYMM.NNNNN from the day's month (or the previous month
//!   early in a month), unique per paper; ~5% of rows repeat an earlier paper
//!   (same id, title, authors and text) on a later day;
//! * feed dumps reproduce the seed's ` - ` separators, `Link:` lines and the
//!   `gist <tabs> AI-generated summary <tabs> abstract` pattern byte for byte,
//!   plus about one blog item a day (non-arXiv link, `<p>` HTML summary).
//!
//! Output is a pure function of (--seed, --days, --start): byte-identical across runs.
//! Everything is ASCII except some author names and the occasional `×`; line ends are LF.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use std::time::Instant;

// ---------------------------------------------------------------------------
// PRNG: SplitMix64 (Steele, Lea, Flood 2014). Tiny, fast and good enough here.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        r.next_u64();
        r
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0), multiply-shift reduction.
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// Derive an independent stream seed from a base seed and a tag.
fn mix(a: u64, b: u64) -> u64 {
    let mut r = Rng(a ^ b.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    r.next_u64()
}

// ---------------------------------------------------------------------------
// Vocabulary

struct Topic {
    category: &'static str,
    tasks: &'static [&'static str],
    methods: &'static [&'static str],
    subjects: &'static [&'static str],
    benches: &'static [&'static str],
}

static TOPICS: &[Topic] = &[
    // agents
    Topic {
        category: "Natural Language Processing",
        tasks: &[
            "web navigation",
            "tool use",
            "multi-step information seeking",
            "GUI automation",
            "repository-level software engineering",
            "deep research",
            "long-horizon planning for agents",
        ],
        methods: &[
            "agentic reinforcement learning",
            "tool-augmented planning",
            "self-reflection",
            "multi-agent debate",
            "trajectory synthesis",
            "hierarchical planning",
        ],
        subjects: &[
            "LLM agents",
            "web agents",
            "tool-using language models",
            "autonomous agents",
        ],
        benches: &[
            "WebArena",
            "SWE-bench Verified",
            "GAIA",
            "BrowseComp",
            "OSWorld",
            "tau-bench",
        ],
    },
    // reasoning
    Topic {
        category: "Natural Language Processing",
        tasks: &[
            "mathematical reasoning",
            "chain-of-thought reasoning",
            "theorem proving",
            "code generation",
            "logical reasoning",
            "long-form reasoning",
        ],
        methods: &[
            "process reward models",
            "test-time scaling",
            "reinforcement learning with verifiable rewards",
            "GRPO",
            "self-consistency decoding",
            "reasoning distillation",
        ],
        subjects: &[
            "large language models",
            "reasoning models",
            "LLMs",
            "small language models",
        ],
        benches: &[
            "GSM8K",
            "MATH-500",
            "AIME 2024",
            "LiveCodeBench",
            "HumanEval",
            "GPQA Diamond",
        ],
    },
    // diffusion / image generation
    Topic {
        category: "Computer Vision",
        tasks: &[
            "text-to-image generation",
            "image editing",
            "controllable image generation",
            "image super-resolution",
            "subject-driven generation",
        ],
        methods: &[
            "latent diffusion",
            "flow matching",
            "classifier-free guidance",
            "consistency distillation",
            "diffusion transformers",
            "rectified flow",
        ],
        subjects: &[
            "diffusion models",
            "text-to-image models",
            "generative models",
        ],
        benches: &[
            "GenEval",
            "COCO-30K",
            "ImageNet 256x256",
            "DrawBench",
            "T2I-CompBench",
        ],
    },
    // video
    Topic {
        category: "Computer Vision",
        tasks: &[
            "text-to-video generation",
            "video understanding",
            "long video question answering",
            "video editing",
            "temporal grounding in video",
        ],
        methods: &[
            "spatiotemporal attention",
            "video diffusion transformers",
            "temporal token merging",
            "causal video autoencoders",
            "autoregressive video modeling",
        ],
        subjects: &[
            "video diffusion models",
            "video LLMs",
            "video generation models",
        ],
        benches: &[
            "VBench",
            "Video-MME",
            "MSR-VTT",
            "EgoSchema",
            "LongVideoBench",
        ],
    },
    // 3D
    Topic {
        category: "Computer Vision",
        tasks: &[
            "3D reconstruction",
            "novel view synthesis",
            "3D scene generation",
            "text-to-3D generation",
            "3D mesh generation",
            "open-vocabulary 3D scene understanding",
        ],
        methods: &[
            "3D Gaussian splatting",
            "neural radiance fields",
            "multi-view diffusion",
            "triplane representations",
            "feed-forward 3D reconstruction",
        ],
        subjects: &[
            "3D generative models",
            "3D vision models",
            "multi-view diffusion models",
        ],
        benches: &[
            "ScanNet",
            "Objaverse",
            "LERF-OVS",
            "DTU",
            "Mip-NeRF 360",
            "RealEstate10K",
        ],
    },
    // vision
    Topic {
        category: "Computer Vision",
        tasks: &[
            "object detection",
            "semantic segmentation",
            "visual grounding",
            "monocular depth estimation",
            "open-vocabulary segmentation",
            "image classification",
        ],
        methods: &[
            "vision transformers",
            "contrastive pre-training",
            "masked autoencoding",
            "self-supervised vision learning",
            "promptable segmentation",
        ],
        subjects: &[
            "vision foundation models",
            "vision transformers",
            "computer vision models",
        ],
        benches: &["ImageNet", "COCO", "ADE20K", "RefCOCO", "NYUv2", "LVIS"],
    },
    // multimodal
    Topic {
        category: "Multi-Modal",
        tasks: &[
            "visual question answering",
            "document understanding",
            "multimodal reasoning",
            "chart understanding",
            "image captioning",
            "interleaved image-text generation",
        ],
        methods: &[
            "visual instruction tuning",
            "cross-modal alignment",
            "multimodal chain-of-thought",
            "vision-language pre-training",
            "visual token compression",
        ],
        subjects: &[
            "vision-language models",
            "multimodal LLMs",
            "multimodal models",
        ],
        benches: &[
            "MMMU",
            "MathVista",
            "DocVQA",
            "ChartQA",
            "MMBench",
            "HallusionBench",
        ],
    },
    // reinforcement learning
    Topic {
        category: "Reinforcement Learning",
        tasks: &[
            "policy optimization",
            "reward modeling",
            "offline reinforcement learning",
            "preference alignment",
            "exploration in sparse-reward environments",
        ],
        methods: &[
            "PPO",
            "direct preference optimization",
            "reward shaping",
            "off-policy correction",
            "model-based reinforcement learning",
            "asynchronous RL training",
        ],
        subjects: &["RL agents", "reward models", "policy models"],
        benches: &["D4RL", "Atari 100k", "MuJoCo", "RewardBench", "Procgen"],
    },
    // robotics
    Topic {
        category: "Robotics",
        tasks: &[
            "robotic manipulation",
            "embodied navigation",
            "dexterous grasping",
            "humanoid locomotion",
            "long-horizon robotics tasks",
            "bimanual manipulation",
        ],
        methods: &[
            "vision-language-action models",
            "imitation learning",
            "sim-to-real transfer",
            "diffusion policies",
            "world models for robotics",
        ],
        subjects: &[
            "robot policies",
            "robotics foundation models",
            "embodied agents",
        ],
        benches: &[
            "LIBERO",
            "CALVIN",
            "RLBench",
            "Open X-Embodiment",
            "SimplerEnv",
        ],
    },
    // speech / audio
    Topic {
        category: "Audio",
        tasks: &[
            "speech recognition",
            "text-to-speech synthesis",
            "spoken dialogue",
            "music generation",
            "speech translation",
            "audio captioning",
        ],
        methods: &[
            "neural audio codecs",
            "speech tokenizers",
            "streaming transformers",
            "speech-text joint pre-training",
            "flow-matching speech synthesis",
        ],
        subjects: &[
            "speech language models",
            "audio foundation models",
            "spoken dialogue systems",
        ],
        benches: &[
            "LibriSpeech",
            "Common Voice",
            "AudioCaps",
            "VoiceBench",
            "FLEURS",
        ],
    },
    // efficiency
    Topic {
        category: "Machine Learning",
        tasks: &[
            "long-context inference",
            "model compression",
            "efficient attention",
            "KV cache compression",
            "efficient LLM serving",
            "low-bit training",
        ],
        methods: &[
            "quantization",
            "speculative decoding",
            "sparse attention",
            "mixture-of-experts routing",
            "knowledge distillation",
            "linear attention",
            "sequence parallelism",
        ],
        subjects: &[
            "large language models",
            "transformer models",
            "inference engines",
        ],
        benches: &[
            "LongBench",
            "RULER",
            "WikiText-103",
            "Needle-in-a-Haystack",
            "InfiniteBench",
        ],
    },
    // safety
    Topic {
        category: "Natural Language Processing",
        tasks: &[
            "jailbreak defense",
            "hallucination detection",
            "safety alignment",
            "red teaming",
            "uncertainty estimation",
            "AI safety evaluation",
        ],
        methods: &[
            "constitutional training",
            "refusal steering",
            "adversarial training",
            "interpretability probes",
            "representation engineering",
        ],
        subjects: &["aligned language models", "chat assistants", "LLMs"],
        benches: &[
            "HarmBench",
            "TruthfulQA",
            "AdvBench",
            "XSTest",
            "SafetyBench",
        ],
    },
    // science
    Topic {
        category: "Machine Learning",
        tasks: &[
            "protein structure prediction",
            "weather forecasting",
            "molecular generation",
            "materials discovery",
            "biomolecular interaction modeling",
        ],
        methods: &[
            "equivariant graph networks",
            "scientific foundation models",
            "diffusion-based structure generation",
            "LoRA adapters",
            "physics-informed training",
        ],
        subjects: &[
            "scientific foundation models",
            "protein language models",
            "AI-for-science models",
        ],
        benches: &[
            "FoldBench",
            "CASP15",
            "WeatherBench 2",
            "PoseBusters",
            "QM9",
        ],
    },
];

static ADJ: &[&str] = &[
    "efficient",
    "scalable",
    "robust",
    "generalizable",
    "controllable",
    "training-free",
    "unified",
    "lightweight",
    "interpretable",
    "self-improving",
    "data-efficient",
    "long-horizon",
    "fine-grained",
    "zero-shot",
    "open-vocabulary",
    "adaptive",
    "hierarchical",
    "asynchronous",
    "modular",
    "reliable",
];

static LIMITS: &[&str] = &[
    "high inference cost",
    "poor generalization to unseen domains",
    "reward hacking",
    "the reliance on dense human annotation",
    "error accumulation over long horizons",
    "limited context length",
    "training instability at scale",
    "hallucinated content",
    "the dense-view requirements of prior methods",
    "quadratic attention cost",
    "brittle tool-calling behaviour",
    "misalignment between intermediate and final representations",
    "scarce high-quality training data",
    "poor calibration under distribution shift",
    "synchronization overhead between training stages",
];

static COMPONENTS: &[&str] = &[
    "a lightweight adapter",
    "a learned router",
    "a verifier model",
    "a memory module",
    "a compressed latent space",
    "a dual-encoder retriever",
    "a timestep-conditioned probe",
    "a curriculum scheduler",
    "a critic network",
    "a token pruning module",
    "a reward model",
    "a planning head",
    "a cross-attention fusion block",
    "a data filtering pipeline",
];

static DATA_KINDS: &[&str] = &[
    "synthetic trajectories",
    "instruction-response pairs",
    "preference annotations",
    "image-text pairs",
    "video clips",
    "multi-view renderings",
    "verified math problems",
    "robot demonstrations",
    "speech utterances",
    "code repositories",
    "question-answer pairs",
];

static BASELINES: &[&str] = &[
    "the strongest open-source baseline",
    "GPT-4o",
    "Qwen2.5-7B-Instruct",
    "Llama-3.1-8B",
    "prior state-of-the-art methods",
    "DeepSeek-R1-Distill",
    "Claude 3.5 Sonnet",
    "Gemini 1.5 Pro",
    "the supervised fine-tuning baseline",
    "ControlNet++",
    "previous open models of similar size",
];

static SIZES: &[&str] = &["0.5B", "1.5B", "3B", "7B", "8B", "13B", "32B", "70B", "72B"];

static SETTINGS: &[&str] = &[
    "open-world environments",
    "low-resource settings",
    "real-world deployments",
    "long-horizon tasks",
    "safety-critical applications",
    "multilingual settings",
    "resource-constrained devices",
];

static GERUNDS: &[&str] = &[
    "Improving",
    "Rethinking",
    "Scaling",
    "Accelerating",
    "Unlocking",
    "Aligning",
    "Grounding",
    "Revisiting",
    "Benchmarking",
    "Stabilizing",
    "Compressing",
];

static VERBS: &[&str] = &[
    "Really Solve",
    "Learn",
    "Master",
    "Generalize to",
    "Self-Correct in",
    "Plan for",
];

static VERBS_LOWER: &[&str] = &[
    "improve",
    "scale",
    "stabilize",
    "accelerate",
    "simplify",
    "strengthen",
];

static NAME_A: &[&str] = &[
    "Web", "Lang", "Int", "Sky", "Deep", "Fast", "Omni", "Mind", "Vision", "Geo", "Flow", "Sparse",
    "Long", "Any", "Uni", "Meta", "Hyper", "Chrono", "Robo", "Audio", "Pixel", "Scene", "Token",
    "Echo", "Nova", "Lumi", "Astra", "Quill", "Atlas", "Prism", "Async", "Hallu", "Self", "Open",
];
static NAME_B: &[&str] = &[
    "Sailor", "Scene", "Fold", "Reward", "Seek", "Forge", "Bench", "Gen", "Mind", "Agent", "Star",
    "Fusion", "Lens", "Pilot", "Coder", "Voice", "World", "Splat", "Zero", "Mamba", "Loop", "Nav",
    "Grasp", "Guard", "Flow", "Seg", "Think", "Search", "Cast", "Weave",
];
static NAME_SUFFIX: &[&str] = &[
    "-X", "-V2", "-R1", "-7B", "-Pro", "-Zero", "2", "-VL", "-3D",
];

static TITLE_TPL: &[&str] = &[
    "{N}: {A} {M} for {T}",
    "{N}: Towards {A} {T} with {M}",
    "{N}: Scaling {M} for {T}",
    "{N}: A Benchmark for Evaluating {T} in {S}",
    "{N}: {M} Meets {M} for {T}",
    "{G} {T} via {M}",
    "Can {S} {V} {T}? A Systematic Study",
    "{A} {T} with {M}",
    "{N}: Learning {T} from {DK}",
    "{N}: An Open Recipe for {A} {T}",
    "{G} {S} with {M}",
];
static TITLE_EXT: &[&str] = &[
    " and {T2}",
    " in {SET}",
    " via {M}",
    " with {A} {M}",
    " for {S}",
    " at Scale",
    " from {DK}",
];

// Table summary (format A), ~1 KB, in the style of the seed.
static S_INTRO: &[&str] = &[
    "This paper introduces {N}, a {A} framework for {T} that combines {M} with {C}.",
    "{N} is a {A} approach to {T} built on {M}, designed to close the gap between open-source {S} and proprietary systems.",
    "This paper presents {N}, a {A} method that improves {T} by coupling {M} with {C}.",
    "The authors propose {N}, a {A} {M} pipeline for {T} and {T2}.",
    "This work introduces {N}, a benchmark and training recipe for evaluating and improving {T} in {S}.",
];
static S_OBJ: &[&str] = &[
    "The research objective is to overcome {L} in existing {S} by developing a system that handles {T} without {L}.",
    "The primary objective is to determine whether {M} can deliver reliable {T} under {L}, a setting where prior methods degrade sharply.",
    "The study aims to address {L} and {L}, which limit the practical deployment of {S} for {T}.",
    "The research question is how to scale {T} in {S} while keeping training and inference efficiency within a fixed compute budget.",
];
static S_METHOD: &[&str] = &[
    "The core methodology involves {C} trained on {D}, followed by a two-stage procedure of supervised fine-tuning and {M}.",
    "Its methodology combines {M} with {C}, using {D} to supervise intermediate representations at every step.",
    "The key methodology pairs {C} with {M}; a curriculum over {T} gradually increases difficulty while {C} filters low-quality samples.",
    "The approach first distills {D} into {C}, then applies {M} with a reward signal derived from {B}.",
];
static S_EXTRA: &[&str] = &[
    "Ablations show that removing {C} reduces performance by {P}, confirming that each component contributes to the final result.",
    "The authors also release {D}, along with evaluation code and model checkpoints, to support reproducible research on {T}.",
    "An analysis of failure cases indicates that the remaining errors stem mainly from {L}.",
    "Compared with {M}, the method requires {X} fewer GPU hours and no additional human annotation.",
];
static S_RESULT: &[&str] = &[
    "The primary result shows {N} achieving {P} on {B}, significantly outperforming {K} and matching the performance of much larger models.",
    "In experiments, {N} improves accuracy on {B} {PP} and delivers a {X} speedup over {K}.",
    "{N} demonstrates state-of-the-art performance, reaching {P} on {B} compared with {P} for {K}.",
    "A {Q} model trained with {N} attains {P} on {B} and {P} on {B}, surpassing {K} by a wide margin.",
];
static S_IMPL: &[&str] = &[
    "The principal implication for AI practitioners is that {M} combined with {C} offers a practical path to {A} {T} without scaling model size.",
    "For AI practitioners, the principal implication is that carefully curated data and {M} can substitute for brute-force scale when building {S} for {T}.",
    "The principal implication for AI practitioners is that evaluating {S} on {B} alone can overstate real-world reliability, so deployments should include targeted tests for {L}.",
    "The principal implication for AI practitioners is that {N} can be adopted as a drop-in component to improve efficiency and robustness in existing {T} pipelines.",
];

// Feed dump (format B): gist + abstract.
static F_GIST: &[&str] = &[
    "{N}, a {A} framework using {M} and {C}, improves {T} for {S} and achieves strong results on {B}.",
    "A novel approach named {N} combines {M} with {C} to enhance {T}, outperforming {K} on {B}.",
    "{N} introduces {D} and {M} to train {S} for {T}, improving both accuracy and efficiency.",
    "{N} applies {M} with {C} so that {S} handle {T} more reliably, with consistent gains on {B}.",
];
static F_OPEN: &[&str] = &[
    "Recent progress in {T} has been driven by {M} and increasingly capable {S}.",
    "{T} is a fundamental but challenging problem with broad applications in {SET}.",
    "Large-scale {S} have demonstrated remarkable capabilities in {T}, yet their behaviour in {SET} remains poorly understood.",
];
static F_PROBLEM: &[&str] = &[
    "However, existing approaches suffer from {L} and {L}, which limits their applicability in practice.",
    "Despite this progress, current methods rely heavily on {D}, and they struggle with {L} when deployed at scale.",
    "Yet most prior work treats {T} and {T2} separately, leading to {L}.",
];
static F_INTRO: &[&str] = &[
    "In this paper, we introduce {N}, a {A} framework that unifies {T} and {T2} within a single model.",
    "To address these challenges, we propose {N}, which leverages {M} to {VL} {T}.",
    "We present {N}, a {A} approach built on {M} and {C}.",
];
static F_METHOD: &[&str] = &[
    "Specifically, we first train {C} on {D}, and then apply {M} to refine the resulting policy.",
    "Furthermore, we propose {C}, trained on {D}, to efficiently encode task-relevant information without per-task retraining.",
    "Our approach involves generating {D} through structured sampling and filtering, followed by {M}.",
    "We further design {C} that adaptively allocates computation according to input difficulty, improving efficiency.",
    "To stabilize optimization, we introduce a delayed update mechanism for {C} that minimizes synchronization overhead.",
];
static F_RESULT: &[&str] = &[
    "Extensive experiments on {B} and {B} demonstrate that {N} outperforms {K} by {P} while using {X} less compute.",
    "Experiments show that {N} achieves {P} on {B}, establishing a new state of the art among open models of comparable size.",
    "Comprehensive evaluations across {B}, {B}, and {B} confirm the superiority of {N} in terms of quality and generalizability.",
];
static F_CLOSE: &[&str] = &[
    "Code and models are available at https://github.com/{H}/{N}.",
    "Project Page: https://{H}.github.io/{N}.",
    "We hope {N} serves as a strong baseline for future research on {T}.",
];

// The exact separator of the Hugging Face feed (from seeds/001_*): space, 4 tabs,
// space, 5 tabs, the label, space, 4 tabs, space, 2 tabs.
const AI_SEP: &str = " \t\t\t\t \t\t\t\t\tAI-generated summary \t\t\t\t \t\t";

// Authors.
static FIRST: &[&str] = &[
    "Liwen",
    "Huifeng",
    "Zhongwang",
    "Kuan",
    "Minghui",
    "Jiawei",
    "Hao",
    "Fangfu",
    "Aibek",
    "Andrey",
    "Maxim",
    "Nina",
    "Wei",
    "Yutao",
    "Guanting",
    "Xiaoxi",
    "Jiecao",
    "Sijia",
    "Timothy",
    "Arman",
    "Lovekesh",
    "Manasi",
    "Yilun",
    "Jun",
    "Anthony",
    "Rasul",
    "Matthieu",
    "Peixuan",
    "Ganesh",
    "Alexi",
    "Ken",
    "Tianjian",
    "Xinyi",
    "Ruijie",
    "Guang",
    "Kui",
    "Haibo",
    "Zhenyu",
    "Sofia",
    "José",
    "Lukas",
    "Ana",
    "Priya",
    "Rahul",
    "Emma",
    "Noah",
    "Olivia",
    "Mateo",
    "Chloé",
    "Björn",
    "Aisha",
    "Omar",
    "Fatima",
    "Daniel",
    "Sarah",
    "Yuki",
    "Haruto",
    "Min-jun",
    "Seo-yeon",
    "Ahmed",
    "Elena",
    "Dmitry",
    "Marta",
    "Tomás",
    "Inês",
    "Kwame",
    "Zanele",
    "Md Mofijul",
    "Sai Surya",
];
static LAST: &[&str] = &[
    "Zhang",
    "Yin",
    "Li",
    "Yang",
    "Chi",
    "Liu",
    "Alanov",
    "Kuznetsov",
    "Nikolaev",
    "Konovalova",
    "Wei",
    "Zhu",
    "Dong",
    "Yu",
    "Chen",
    "Chou",
    "Cohan",
    "Vig",
    "Patwardhan",
    "Zhao",
    "Wang",
    "Bordg",
    "Tutunov",
    "Zimmer",
    "Han",
    "Islam",
    "Nanduru",
    "Gladstone",
    "Tsui",
    "Wan",
    "Luo",
    "Müller",
    "García",
    "Rossi",
    "Silva",
    "Kim",
    "Park",
    "Tanaka",
    "Sato",
    "Nguyen",
    "Kumar",
    "Sharma",
    "Okafor",
    "Mensah",
    "Novak",
    "Kowalski",
    "Ivanova",
    "Hernández",
    "O'Brien",
    "Dubois",
    "Schmidt",
    "Larsen",
    "Haddad",
    "Rahman",
    "Costa",
    "Duvvuri",
];
static HANDLE_PARTS: &[&str] = &[
    "xx",
    "wu",
    "han",
    "yang",
    "zeng",
    "liang",
    "cs",
    "chris",
    "liu",
    "ai",
    "dev",
    "lab",
    "ml",
    "neo",
    "kai",
    "ray",
    "jin",
    "sun",
    "moon",
    "fox",
    "byte",
    "zero",
    "amanchadha",
    "facico",
    "ricky",
];

// Blog items.
static BLOG_TITLES: &[&str] = &[
    "My Honest Advice for Aspiring Machine Learning Engineers",
    "A Practical Guide to {T} with Open-Source Tools",
    "Why {S} Still Struggle with {T}",
    "{NUM} Lessons from Deploying {M} in Production",
    "How to Evaluate {S} Without Fooling Yourself",
    "What I Learned Building an Agent for {T}",
    "Understanding {M}: An Intuitive Walkthrough",
];
static BLOG_TAGLINES: &[&str] = &[
    "What it really takes to get {T} working outside a benchmark",
    "A hands-on look at {M}, with code you can run on a single GPU",
    "Notes on cost, latency and failure modes when shipping {S}",
    "Everything we wish we had known before our first project on {T}",
];
// (domain, site name, url style) style 0: /slug/, 1: /blog/slug, 2: /blog/YYYY/MM/DD/slug/
static BLOG_SITES: &[(&str, &str, u8)] = &[
    ("towardsdatascience.com", "Towards Data Science", 0),
    ("towardsdatascience.com", "Towards Data Science", 0),
    (
        "machinelearningmastery.com",
        "MachineLearningMastery.com",
        0,
    ),
    ("huggingface.co", "Hugging Face", 1),
    (
        "bair.berkeley.edu",
        "The Berkeley Artificial Intelligence Research Blog",
        2,
    ),
    ("thegradient.pub", "The Gradient", 0),
];

// ---------------------------------------------------------------------------
// Text generation

struct Ctx<'a> {
    name: &'a str,
    t1: &'static Topic,
    t2: &'static Topic,
}

fn topic<'a>(c: &Ctx<'a>, r: &mut Rng) -> &'static Topic {
    if r.chance(0.75) { c.t1 } else { c.t2 }
}

fn push_pct(out: &mut String, r: &mut Rng, lo: usize, hi: usize) {
    let v = r.range(lo * 10, hi * 10);
    out.push_str(&format!("{}.{}%", v / 10, v % 10));
}

fn handle(r: &mut Rng) -> String {
    let mut h = String::from(r.pick(HANDLE_PARTS));
    if r.chance(0.5) {
        h.push_str(r.pick(HANDLE_PARTS));
    }
    match r.below(4) {
        0 => h.push_str(&format!("{}", r.range(1, 999))),
        1 => h.push_str(&format!("-{}", r.range(1, 99))),
        _ => {}
    }
    h
}

/// Expand `{X}` placeholders in a template, drawing each fill from `r`.
fn fill(out: &mut String, tpl: &str, c: &Ctx, r: &mut Rng) {
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = i + rest[i..].find('}').expect("unclosed placeholder");
        match &rest[i + 1..j] {
            "N" => out.push_str(c.name),
            "T" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.tasks))
            }
            "T2" => out.push_str(r.pick(c.t2.tasks)),
            "M" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.methods))
            }
            "S" => out.push_str(r.pick(c.t1.subjects)),
            "B" => {
                let t = topic(c, r);
                out.push_str(r.pick(t.benches))
            }
            "A" => out.push_str(r.pick(ADJ)),
            "L" => out.push_str(r.pick(LIMITS)),
            "C" => out.push_str(r.pick(COMPONENTS)),
            "K" => out.push_str(r.pick(BASELINES)),
            "Q" => out.push_str(r.pick(SIZES)),
            "G" => out.push_str(r.pick(GERUNDS)),
            "V" => out.push_str(r.pick(VERBS)),
            "VL" => out.push_str(r.pick(VERBS_LOWER)),
            "SET" => out.push_str(r.pick(SETTINGS)),
            "DK" => out.push_str(r.pick(DATA_KINDS)),
            "D" => {
                let n = r.range(10, 950);
                let unit = if r.chance(0.8) { "K" } else { "M" };
                out.push_str(&format!(
                    "a curated dataset of {}{} {}",
                    n,
                    unit,
                    r.pick(DATA_KINDS)
                ));
            }
            "P" => push_pct(out, r, 5, 95),
            "PP" => {
                let a = r.range(200, 700);
                let b = a + r.range(15, 250);
                out.push_str(&format!(
                    "from {}.{}% to {}.{}%",
                    a / 10,
                    a % 10,
                    b / 10,
                    b % 10
                ));
            }
            "X" => {
                let v = r.range(11, 89);
                let sign = if r.chance(0.3) { "×" } else { "x" };
                out.push_str(&format!("{}.{}{}", v / 10, v % 10, sign));
            }
            "H" => out.push_str(&handle(r)),
            "NUM" => out.push_str(r.pick(&["Three", "Five", "Seven", "Ten"])),
            other => panic!("unknown placeholder {{{}}}", other),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
}

/// Like fill, but capitalises the first letter (sentence start).
fn sentence(out: &mut String, tpl: &str, c: &Ctx, r: &mut Rng) {
    let start = out.len();
    fill(out, tpl, c, r);
    if let Some(ch) = out[start..].chars().next() {
        if ch.is_ascii_lowercase() {
            out.replace_range(start..start + 1, &ch.to_ascii_uppercase().to_string());
        }
    }
}

const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via",
    "with",
];

fn cap_word(w: &str, first: bool, out: &mut String) {
    // Capitalise each hyphen part (text-to-image -> Text-to-Image), keep small words lower.
    for (k, part) in w.split('-').enumerate() {
        if k > 0 {
            out.push('-');
        }
        let lower_ok = !(first && k == 0) && SMALL.contains(&part);
        let mut chars = part.chars();
        match chars.next() {
            Some(ch) if !lower_ok => {
                out.extend(ch.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        cap_word(w, first, &mut out);
        first = w.ends_with(':') || w.ends_with('?');
    }
    out
}

/// arXiv-style wrap: first line at most 72 characters, broken at a space.
fn wrap72(t: &str) -> (&str, Option<&str>) {
    if t.chars().count() <= 72 {
        return (t, None);
    }
    let mut cut = None;
    for (ci, (bi, ch)) in t.char_indices().enumerate() {
        if ci > 72 {
            break;
        }
        if ch == ' ' {
            cut = Some(bi);
        }
    }
    match cut {
        Some(b) => (&t[..b], Some(&t[b + 1..])),
        None => (t, None),
    }
}

fn make_name(r: &mut Rng) -> String {
    if r.chance(0.15) {
        // acronym-style: ZeCO, CRISP, ...
        let n = r.range(3, 5);
        let mut s = String::new();
        for k in 0..n {
            let ch = (b'A' + r.below(26) as u8) as char;
            if k == 1 && r.chance(0.3) {
                s.push(ch.to_ascii_lowercase());
            } else {
                s.push(ch);
            }
        }
        return s;
    }
    let mut s = String::from(r.pick(NAME_A));
    s.push_str(r.pick(NAME_B));
    if r.chance(0.25) {
        s.push_str(r.pick(NAME_SUFFIX));
    }
    s
}

fn make_title(r: &mut Rng, c: &Ctx, want_long: bool) -> String {
    // The base title speaks about the primary topic only (its category becomes a tag);
    // extensions may bring in the secondary topic.
    let base = Ctx {
        name: c.name,
        t1: c.t1,
        t2: c.t1,
    };
    for _ in 0..16 {
        let mut s = String::new();
        fill(&mut s, r.pick(TITLE_TPL), &base, r);
        if want_long {
            let mut k = 0;
            while s.chars().count() <= 78 && k < 4 {
                fill(&mut s, r.pick(TITLE_EXT), c, r);
                k += 1;
            }
        }
        let s = title_case(&s);
        let n = s.chars().count();
        if want_long {
            if let (_, Some(second)) = wrap72(&s) {
                let m = second.chars().count();
                if (6..=72).contains(&m) {
                    return s;
                }
            }
        } else if n <= 72 {
            return s;
        }
    }
    let mut s = String::new();
    fill(&mut s, "{N}: {T}", c, r);
    title_case(&s)
}

fn make_authors(r: &mut Rng, name: &str) -> String {
    let n = r.range(2, 8);
    let mut parts: Vec<String> = Vec::with_capacity(n);
    for k in 0..n {
        if k == n - 1 && r.chance(0.4) {
            parts.push(handle(r));
        } else if k == n - 2 && r.chance(0.04) {
            parts.push(format!("The {} Team", name));
        } else {
            let f = r.pick(FIRST);
            let l = r.pick(LAST);
            parts.push(format!("{} {}", f, l));
        }
    }
    parts.join(", ")
}

// ---------------------------------------------------------------------------
// Papers, days, files

struct Paper {
    id: String,
    title: String,
    name: String,
    authors: String,
    t1: usize,
    t2: usize,
    seed: u64,
}

impl Paper {
    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            name: &self.name,
            t1: &TOPICS[self.t1],
            t2: &TOPICS[self.t2],
        }
    }
}

const SALT_TABLE: u64 = 0xA11C_E5ED_0000_0001;
const SALT_FEED: u64 = 0xFEED_FEED_0000_0002;

fn table_summary(p: &Paper, out: &mut String) {
    let c = p.ctx();
    let r = &mut Rng::new(mix(p.seed, SALT_TABLE));
    let start = out.len();
    sentence(out, r.pick(S_INTRO), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_OBJ), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_METHOD), &c, r);
    out.push(' ');
    if out.len() - start < 560 || r.chance(0.3) {
        sentence(out, r.pick(S_EXTRA), &c, r);
        out.push(' ');
    }
    sentence(out, r.pick(S_RESULT), &c, r);
    out.push(' ');
    sentence(out, r.pick(S_IMPL), &c, r);
}

fn feed_summary(p: &Paper, out: &mut String) {
    let c = p.ctx();
    let r = &mut Rng::new(mix(p.seed, SALT_FEED));
    sentence(out, r.pick(F_GIST), &c, r);
    out.push_str(AI_SEP);
    sentence(out, r.pick(F_OPEN), &c, r);
    out.push(' ');
    sentence(out, r.pick(F_PROBLEM), &c, r);
    out.push(' ');
    sentence(out, r.pick(F_INTRO), &c, r);
    let nm = r.range(1, 3);
    let first = r.below(F_METHOD.len());
    for k in 0..nm {
        out.push(' ');
        sentence(out, F_METHOD[(first + k) % F_METHOD.len()], &c, r);
    }
    out.push(' ');
    sentence(out, r.pick(F_RESULT), &c, r);
    if r.chance(0.6) {
        out.push(' ');
        sentence(out, r.pick(F_CLOSE), &c, r);
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn blog_item(r: &mut Rng, date: (i64, u32, u32), out: &mut String) {
    let c = Ctx {
        name: "",
        t1: &TOPICS[r.below(TOPICS.len())],
        t2: &TOPICS[r.below(TOPICS.len())],
    };
    let mut title = String::new();
    fill(&mut title, r.pick(BLOG_TITLES), &c, r);
    let title = title_case(&title);
    let (domain, site, style) = r.pick(BLOG_SITES);
    let sl = slug(&title);
    let url = match style {
        0 => format!("https://{}/{}/", domain, sl),
        1 => format!("https://{}/blog/{}", domain, sl),
        _ => format!(
            "https://{}/blog/{:04}/{:02}/{:02}/{}/",
            domain, date.0, date.1, date.2, sl
        ),
    };
    let mut tag = String::new();
    sentence(&mut tag, r.pick(BLOG_TAGLINES), &c, r);
    out.push_str("### Title: ");
    out.push_str(&title);
    out.push_str("\nLink: ");
    out.push_str(&url);
    out.push_str("\nSummary: <p>");
    out.push_str(&tag);
    out.push_str("</p>\n");
    if style == 0 {
        out.push_str(&format!(
            "<p>The post <a href=\"{}\">{}</a> appeared first on <a href=\"https://{}\">{}</a>.</p>\n",
            url, title, domain, site
        ));
    } else {
        out.push_str(&format!(
            "<p>Read the full post on <a href=\"https://{}\">{}</a> &amp; share your thoughts.</p>\n",
            domain, site
        ));
    }
    out.push('\n');
}

fn write_table(papers: &[Paper], ids: &[usize], date: &str, with_cat: bool, out: &mut String) {
    out.push_str("\n\n## Papers for ");
    out.push_str(date);
    out.push_str("\n\n");
    if with_cat {
        out.push_str(
            "| Category | Title | Authors | Summary |\n|----------|-------|---------|---------|\n",
        );
    } else {
        out.push_str("| Title | Authors | Summary |\n|-------|---------|---------|\n");
    }
    for &i in ids {
        let p = &papers[i];
        out.push_str("| ");
        if with_cat {
            out.push_str(TOPICS[p.t1].category);
            out.push_str(" | ");
        }
        let (a, b) = wrap72(&p.title);
        out.push_str(a);
        if let Some(b) = b {
            out.push_str("\n  ");
            out.push_str(b);
        }
        out.push_str(" (Read more on [arXiv](https://arxiv.org/abs/");
        out.push_str(&p.id);
        out.push_str(") or [HuggingFace](https://huggingface.co/papers/");
        out.push_str(&p.id);
        out.push_str("))| ");
        out.push_str(&p.authors);
        out.push_str(" | ");
        table_summary(p, out);
        out.push_str(" |\n");
    }
}

fn write_feed_paper(p: &Paper, out: &mut String) {
    out.push_str("### Title: ");
    let (a, b) = wrap72(&p.title);
    out.push_str(a);
    if let Some(b) = b {
        out.push_str("\n  ");
        out.push_str(b);
    }
    out.push_str("\nLink: https://huggingface.co/papers/");
    out.push_str(&p.id);
    out.push_str("\nSummary: ");
    feed_summary(p, out);
    out.push_str("\n\n");
}

/// Returns the number of blog items written.
fn write_feed(
    papers: &[Paper],
    ids: &[usize],
    date: (i64, u32, u32),
    r: &mut Rng,
    out: &mut String,
) -> usize {
    let blogs = match r.below(10) {
        0 => 0,
        1 => 2,
        _ => 1,
    };
    out.push_str(" - \n");
    if blogs >= 1 {
        blog_item(r, date, out);
    }
    for _ in 0..r.range(1, 3) {
        out.push_str(" - \n");
    }
    let second_at = if blogs >= 2 {
        r.below(ids.len())
    } else {
        usize::MAX
    };
    for (k, &i) in ids.iter().enumerate() {
        if k == second_at {
            out.push_str(" - \n");
            blog_item(r, date, out);
        }
        write_feed_paper(&papers[i], out);
    }
    blogs
}

// ---------------------------------------------------------------------------
// Dates

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u64;
    let mp = (m as u64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as u64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe as i64 - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = (z - era * 146097) as u64;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe as i64 + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let z = days_from_civil(y, m, d);
    if civil_from_days(z) != (y, m, d) {
        return None; // e.g. 2017-02-30
    }
    Some(z)
}

// ---------------------------------------------------------------------------
// Main

struct Args {
    days: usize,
    seed: u64,
    out: PathBuf,
    start: i64,
    force: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_archive --days N --seed S --out DIR [--start YYYY-MM-DD] [--force]\n\
         \n\
         Writes DIR/config.toml and DIR/content/YYYY/MM/YYYY-MM-DD[-feed].md.\n\
         Same --seed, --days and --start give byte-identical output.\n\
         --start defaults to 2016-01-01. DIR/content must not exist unless --force\n\
         is given, which deletes DIR/content first."
    );
    exit(2)
}

fn parse_args() -> Args {
    let mut days = None;
    let mut seed = None;
    let mut out = None;
    let mut start = parse_date("2016-01-01").unwrap();
    let mut force = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| {
            it.next().unwrap_or_else(|| {
                eprintln!("gen_archive: {} needs a value", name);
                usage()
            })
        };
        match a.as_str() {
            "--days" => days = Some(val("--days").parse::<usize>().unwrap_or_else(|_| usage())),
            "--seed" => seed = Some(val("--seed").parse::<u64>().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(val("--out"))),
            "--start" => {
                let v = val("--start");
                start = parse_date(&v).unwrap_or_else(|| {
                    eprintln!("gen_archive: bad --start date {:?} (want YYYY-MM-DD)", v);
                    usage()
                })
            }
            "--force" => force = true,
            "-h" | "--help" => usage(),
            other => {
                eprintln!("gen_archive: unknown argument {:?}", other);
                usage()
            }
        }
    }
    match (days, seed, out) {
        (Some(days), Some(seed), Some(out)) => Args {
            days,
            seed,
            out,
            start,
            force,
        },
        _ => usage(),
    }
}

fn die(msg: String) -> ! {
    eprintln!("gen_archive: {}", msg);
    exit(1)
}

fn write_file(path: &Path, data: &str, bytes: &mut u64, files: &mut u64) {
    fs::write(path, data).unwrap_or_else(|e| die(format!("writing {}: {}", path.display(), e)));
    *bytes += data.len() as u64;
    *files += 1;
}

fn main() {
    let args = parse_args();
    let t0 = Instant::now();
    let content = args.out.join("content");
    if content.exists() {
        if args.force {
            fs::remove_dir_all(&content)
                .unwrap_or_else(|e| die(format!("removing {}: {}", content.display(), e)));
        } else {
            die(format!(
                "{} already exists (remove it or pass --force)",
                content.display()
            ));
        }
    }
    fs::create_dir_all(&content)
        .unwrap_or_else(|e| die(format!("creating {}: {}", content.display(), e)));

    let mut bytes = 0u64;
    let mut files = 0u64;
    write_file(
        &args.out.join("config.toml"),
        "title = \"Synthetic archive\"\nbase_url = \"https://example.org/archive/\"\n",
        &mut bytes,
        &mut files,
    );

    let mut rng = Rng::new(args.seed);
    let mut papers: Vec<Paper> = Vec::new();
    let mut first_day: Vec<usize> = Vec::new(); // day index each paper first appeared
    let mut next_num: HashMap<u32, u32> = HashMap::new(); // yymm -> last number used
    let (mut rows, mut repeats, mut blogs, mut wrapped) = (0u64, 0u64, 0u64, 0u64);
    let (mut n_table, mut n_feed, mut n_both, mut n_cat) = (0u64, 0u64, 0u64, 0u64);
    let mut buf = String::with_capacity(1 << 20);
    let mut last_month = (0i64, 0u32);

    // Creates a new paper for `date` and returns its index.
    let mut new_paper = |rng: &mut Rng,
                         papers: &mut Vec<Paper>,
                         first_day: &mut Vec<usize>,
                         day: usize,
                         date: (i64, u32, u32)|
     -> usize {
        let (y, m, d) = date;
        let early = d <= 7;
        let (py, pm) = if rng.chance(if early { 0.35 } else { 0.08 }) {
            if m == 1 { (y - 1, 12) } else { (y, m - 1) }
        } else {
            (y, m)
        };
        let yymm = ((py.rem_euclid(100)) as u32) * 100 + pm;
        let e = next_num.entry(yymm).or_insert(0);
        *e += rng.range(1, 25) as u32;
        if *e > 99_999 {
            die(format!("ran out of arXiv numbers for {:04}", yymm));
        }
        let id = format!("{:04}.{:05}", yymm, *e);
        let t1 = rng.below(TOPICS.len());
        let t2 = if rng.chance(0.4) {
            rng.below(TOPICS.len())
        } else {
            t1
        };
        let name = make_name(rng);
        let c = Ctx {
            name: &name,
            t1: &TOPICS[t1],
            t2: &TOPICS[t2],
        };
        let want_long = rng.chance(1.0 / 3.0);
        let title = make_title(rng, &c, want_long);
        let authors = make_authors(rng, &name);
        let seed = rng.next_u64();
        papers.push(Paper {
            id,
            title,
            name,
            authors,
            t1,
            t2,
            seed,
        });
        first_day.push(day);
        papers.len() - 1
    };

    for day in 0..args.days {
        let date = civil_from_days(args.start + day as i64);
        let (y, m, d) = date;
        let date_s = format!("{:04}-{:02}-{:02}", y, m, d);
        let dir = content.join(format!("{:04}", y)).join(format!("{:02}", m));
        if (y, m) != last_month {
            fs::create_dir_all(&dir)
                .unwrap_or_else(|e| die(format!("creating {}: {}", dir.display(), e)));
            last_month = (y, m);
        }

        // Pick the day's papers: ~5% repeats of a paper first seen in the last 90 days.
        let n = rng.range(10, 40);
        let lo = first_day.partition_point(|&fd| fd + 90 < day);
        let hi = first_day.partition_point(|&fd| fd < day);
        let mut ids: Vec<usize> = Vec::with_capacity(n + 4);
        for _ in 0..n {
            if hi > lo && rng.chance(0.05) {
                let cand = lo + rng.below(hi - lo);
                if !ids.contains(&cand) {
                    ids.push(cand);
                    repeats += 1;
                    continue;
                }
            }
            let i = new_paper(&mut rng, &mut papers, &mut first_day, day, date);
            ids.push(i);
        }

        let r = rng.unit();
        let (has_table, has_feed) = if r < 0.2 {
            n_both += 1;
            (true, true)
        } else if r < 0.2 + 0.8 * 0.6 {
            (true, false)
        } else {
            (false, true)
        };

        if has_table {
            n_table += 1;
            let with_cat = rng.chance(0.25);
            n_cat += with_cat as u64;
            buf.clear();
            write_table(&papers, &ids, &date_s, with_cat, &mut buf);
            rows += ids.len() as u64;
            write_file(
                &dir.join(format!("{}.md", date_s)),
                &buf,
                &mut bytes,
                &mut files,
            );
        }
        if has_feed {
            n_feed += 1;
            let feed_ids: Vec<usize> = if has_table {
                // Same day from another bot: most ids shared, a few dropped or added,
                // order slightly perturbed.
                let mut v: Vec<usize> = ids.iter().copied().filter(|_| !rng.chance(0.12)).collect();
                for _ in 0..rng.range(0, 3) {
                    let i = new_paper(&mut rng, &mut papers, &mut first_day, day, date);
                    let at = rng.below(v.len() + 1);
                    v.insert(at, i);
                }
                for _ in 0..rng.range(0, 3) {
                    if v.len() >= 2 {
                        let k = rng.below(v.len() - 1);
                        v.swap(k, k + 1);
                    }
                }
                v
            } else {
                ids.clone()
            };
            buf.clear();
            blogs += write_feed(&papers, &feed_ids, date, &mut rng, &mut buf) as u64;
            rows += feed_ids.len() as u64;
            let name = if has_table {
                format!("{}-feed.md", date_s)
            } else {
                format!("{}.md", date_s)
            };
            write_file(&dir.join(name), &buf, &mut bytes, &mut files);
        }
    }

    for p in &papers {
        if wrap72(&p.title).1.is_some() {
            wrapped += 1;
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    // writeln! rather than println!: a closed stdout (`| head -1`) must not panic.
    use std::io::Write as _;
    let mut so = std::io::stdout().lock();
    let _ = writeln!(
        so,
        "days={} files={} papers={} rows={} bytes={}",
        args.days,
        files,
        papers.len(),
        rows,
        bytes
    );
    let _ = writeln!(
        so,
        "detail: table_days={} feed_days={} both_days={} category_tables={} wrapped_titles={} repeat_rows={} blog_items={} elapsed={:.2}s",
        n_table, n_feed, n_both, n_cat, wrapped, repeats, blogs, secs
    );
}
