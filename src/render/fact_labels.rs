//! Labels of a summary's parts that state facts about a paper rather than what it does:
//! arXiv's comments line (`Comments: 13 pages, 3 figures`), keywords, a score, its
//! categories or venue. Some bots put such a line first; a list that shows one line of
//! each summary should show what the paper does, so the lead passes over these parts
//! when prose follows them. The summary itself keeps them, in place.

/// Whether `text` (plain text, tags stripped) opens with a fact label: one of
/// [`FACT_LABELS`], in any case, followed by a colon.
pub(super) fn opens_with_fact(text: &str) -> bool {
    let text = text.trim_start();
    // A label is short: look for its colon among the first few dozen bytes only.
    let window = &text[..text.floor_char_boundary(40)];
    let Some(colon) = window.find([':', '：']) else {
        return false;
    };
    let label = window[..colon].trim();
    if label.is_empty() || label.len() > 32 {
        return false;
    }
    let label = label.to_lowercase();
    FACT_LABELS.contains(&label.as_str())
}

/// Labels of facts, lower case. Labels of what a paper does (summary, method, results,
/// contributions) are not here, nor are a bot's own remarks (`评论`, `推荐理由`).
const FACT_LABELS: &[&str] = &[
    "comments",
    "comment",
    "备注",
    "keywords",
    "keyword",
    "关键词",
    "关键字",
    "核心关键词",
    "score",
    "relevance",
    "relevance score",
    "评分",
    "分数",
    "打分",
    "categories",
    "category",
    "subjects",
    "primary category",
    "分类",
    "类别",
    "journal ref",
    "journal-ref",
    "doi",
    "venue",
    "会议",
    "pages",
    "code",
    "代码",
    "project page",
    "links",
    "链接",
    "affiliations",
    "affiliation",
    "机构",
    "单位",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comments_line_is_a_fact_and_a_summary_label_is_not() {
        assert!(opens_with_fact("Comments: 13 pages, 3 figures"));
        assert!(opens_with_fact("  Keywords：扩散模型, 视频"));
        assert!(opens_with_fact("Journal ref: Proc. of a meeting"));
        assert!(!opens_with_fact("What's New: a corpus of Mayan languages."));
        assert!(!opens_with_fact("Summary: we count pebbles."));
        assert!(!opens_with_fact("We count pebbles: slowly."));
        assert!(!opens_with_fact(
            "Comments are welcome at the end of the paper."
        ));
        assert!(!opens_with_fact(""));
    }
}
