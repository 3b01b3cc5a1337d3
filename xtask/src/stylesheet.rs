// SPDX-License-Identifier: EUPL-1.2
//! The stylesheet as shipped: `style/main.css` without its comments. They
//! document the source for maintainers, and would cost every visitor about
//! 1.4 KB (brotli) before the first render. (Trunk's own minifier comes only
//! with minifying the HTML pages too, which would unquote the attributes the
//! server and the size report look for.)

/// `css` without its `/* … */` comments (those inside quoted strings stay).
pub fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for inside in chars.by_ref() {
                    if last == '*' && inside == '/' {
                        break;
                    }
                    last = inside;
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    // The lines a comment leaves empty.
    out.lines().filter(|line| !line.trim().is_empty()).collect::<Vec<_>>().join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_go_and_strings_stay() {
        let css =
            "/* head */\nbody {\n  /* why */\n  color: red; /* x */\n}\n.a::before { content: \"/* kept */\"; }\n";
        assert_eq!(without_comments(css), "body {\n  color: red; \n}\n.a::before { content: \"/* kept */\"; }\n");
    }

    #[test]
    fn the_shipped_stylesheet_keeps_every_rule() {
        let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css")).unwrap();
        let shipped = without_comments(&css);
        assert!(!shipped.contains("/*") && shipped.len() < css.len());
        // Its comments hold no braces: every rule is still there.
        assert_eq!(shipped.matches('{').count(), css.matches('{').count());
        assert_eq!(shipped.matches('}').count(), css.matches('}').count());
    }
}
