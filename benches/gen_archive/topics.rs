//! Research topics: the words a paper of each topic uses in its title and summary.

pub(crate) struct Topic {
    pub(crate) category: &'static str,
    pub(crate) tasks: &'static [&'static str],
    pub(crate) methods: &'static [&'static str],
    pub(crate) subjects: &'static [&'static str],
    pub(crate) benches: &'static [&'static str],
}

pub(crate) static TOPICS: &[Topic] = &[
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
