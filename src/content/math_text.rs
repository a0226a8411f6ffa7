//! Mathematics as plain text, for the places MathML cannot go.
//!
//! A title is shown as text in a browser tab, a feed reader, a search result and a
//! link preview. There `L$^2$M` or `$\textbf{Only-IF}$` as TeX source reads as noise,
//! while the formula's characters read as the title: `L²M`, `Only-IF`. So the MathML a
//! formula converts to is read back as text: scripts that have Unicode superscript or
//! subscript letters use them, other scripts keep a `^` or `_`, fractions a slash, and
//! the invisible operators MathML adds are left out.

/// A MathML element or text, as math-core writes it (well-formed, no comments).
enum Node {
    Element {
        name: String,
        accent: bool,
        children: Vec<Node>,
    },
    Text(String),
}

/// The text a reader would read for `mathml`; `None` when it is not the well-formed
/// markup math-core writes.
pub fn plain(mathml: &str) -> Option<String> {
    let mut rest = mathml;
    let nodes = parse(&mut rest, None)?;
    let mut out = String::new();
    for n in &nodes {
        write(n, &mut out);
    }
    Some(out.trim().to_string())
}

/// Nodes up to the end tag of `open` (or the end of the input when `None`).
fn parse(rest: &mut &str, open: Option<&str>) -> Option<Vec<Node>> {
    let mut nodes = Vec::new();
    loop {
        let Some(lt) = rest.find('<') else {
            if open.is_some() {
                return None;
            }
            if !rest.is_empty() {
                nodes.push(Node::Text(unescape(rest)));
            }
            *rest = "";
            return Some(nodes);
        };
        if lt > 0 {
            nodes.push(Node::Text(unescape(&rest[..lt])));
        }
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        *rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            return (open == Some(name.trim())).then_some(nodes);
        }
        let closed = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name = tag.split_whitespace().next()?.to_string();
        let accent = tag.contains("accent=\"true\"");
        let children = if closed {
            Vec::new()
        } else {
            parse(rest, Some(&name))?
        };
        nodes.push(Node::Element {
            name,
            accent,
            children,
        });
    }
}

fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let entity = rest[at + 1..]
            .find(';')
            .map(|end| &rest[at + 1..at + 1 + end]);
        let c = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let n = e.strip_prefix('#')?;
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => n.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (c, entity) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[at + e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn text_of(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        write(n, &mut out);
    }
    out
}

fn write(node: &Node, out: &mut String) {
    let (name, accent, children) = match node {
        Node::Text(t) => {
            // Function application and invisible times, separator and plus.
            out.extend(t.chars().filter(|c| !('\u{2061}'..='\u{2064}').contains(c)));
            return;
        }
        Node::Element {
            name,
            accent,
            children,
        } => (name.as_str(), *accent, children.as_slice()),
    };
    let part = |k: usize| children.get(k).map(|n| text_of(std::slice::from_ref(n)));
    match name {
        "annotation" | "annotation-xml" => {}
        "mspace" => out.push(' '),
        "msup" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '^', superscript);
        }
        "msub" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '_', subscript);
        }
        "msubsup" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '_', subscript);
            script(out, &part(2).unwrap_or_default(), '^', superscript);
        }
        // An accent (a hat, a tilde, a bar) is read as its letter.
        "mover" | "munder" if accent => out.push_str(&part(0).unwrap_or_default()),
        "mover" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '^', |_| None);
        }
        "munder" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '_', |_| None);
        }
        "munderover" => {
            out.push_str(&part(0).unwrap_or_default());
            script(out, &part(1).unwrap_or_default(), '_', |_| None);
            script(out, &part(2).unwrap_or_default(), '^', |_| None);
        }
        "mfrac" => {
            out.push_str(&grouped(&part(0).unwrap_or_default()));
            out.push('/');
            out.push_str(&grouped(&part(1).unwrap_or_default()));
        }
        "msqrt" => {
            out.push('√');
            out.push_str(&grouped(&text_of(children)));
        }
        "mroot" => {
            script(out, &part(1).unwrap_or_default(), '^', superscript);
            out.push('√');
            out.push_str(&grouped(&part(0).unwrap_or_default()));
        }
        _ => {
            for c in children {
                write(c, out);
            }
        }
    }
}

/// `s` in parentheses when it is more than one character.
fn grouped(s: &str) -> String {
    if s.chars().count() > 1 {
        format!("({s})")
    } else {
        s.to_string()
    }
}

/// A script: in Unicode's script letters when each character has one, else after
/// `mark`, in parentheses when longer than a character.
fn script(out: &mut String, s: &str, mark: char, letter: fn(char) -> Option<char>) {
    let s = s.trim();
    if s.is_empty() {
        return;
    }
    let scripted: Option<String> = s.chars().map(letter).collect();
    match scripted {
        Some(t) => out.push_str(&t),
        None => {
            out.push(mark);
            out.push_str(&grouped(s));
        }
    }
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'n' => 'ⁿ',
        'i' => 'ⁱ',
        '′' | '\'' => '′',
        '*' | '∗' => '*',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '₀',
        '1' => '₁',
        '2' => '₂',
        '3' => '₃',
        '4' => '₄',
        '5' => '₅',
        '6' => '₆',
        '7' => '₇',
        '8' => '₈',
        '9' => '₉',
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'h' => 'ₕ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'o' => 'ₒ',
        'p' => 'ₚ',
        'r' => 'ᵣ',
        's' => 'ₛ',
        't' => 'ₜ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        'x' => 'ₓ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_fractions_and_invisible_operators() {
        let p = |m: &str| plain(m).unwrap();
        assert_eq!(p("<math><msup><mrow></mrow><mn>2</mn></msup></math>"), "²");
        assert_eq!(
            p("<math><msub><mi>x</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow></msub></math>"),
            "xₜ₋₁"
        );
        assert_eq!(
            p("<math><msup><mi>e</mi><mrow><mi>k</mi><mi>z</mi></mrow></msup></math>"),
            "e^(kz)"
        );
        assert_eq!(
            p("<math><mfrac><mn>1</mn><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math>"),
            "1/(n+1)"
        );
        assert_eq!(
            p("<math><mi>f</mi><mo>&#x2061;</mo><mo>(</mo><mi>x</mi><mo>)</mo></math>"),
            "f(x)"
        );
        assert_eq!(
            p(
                "<math><mover accent=\"true\"><mi>x</mi><mo>^</mo></mover><mo>&lt;</mo><mn>1</mn></math>"
            ),
            "x<1"
        );
        assert_eq!(p("<math><msqrt><mi>d</mi></msqrt></math>"), "√d");
        assert_eq!(plain("<math><mi>x</mi>"), None);
        assert_eq!(plain("<math><mi>x</mo></math>"), None);
    }
}
