//! Lists as kramdown writes them: an ordered list always counts from 1 (kramdown takes no
//! start number from the first item), and a list with a task item (`- [ ] ...`) is of
//! class `task-list`, each of its items `task-list-item`, each box
//! `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />`.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Rewrite the lists of one top-level block's events.
pub(crate) fn kramdown_lists(events: &mut [Event<'_>]) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::List(_))))
    {
        return;
    }
    // Which lists (by the index of their start) hold a task item of their own.
    let mut tasks = vec![false; events.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(_)) => open.push(i),
            Event::End(TagEnd::List(_)) => {
                open.pop();
            }
            Event::TaskListMarker(_) => {
                if let Some(&list) = open.last() {
                    tasks[list] = true;
                }
            }
            _ => {}
        }
    }
    // Whether each open list is a task list.
    let mut task_list: Vec<bool> = Vec::new();
    for (i, event) in events.iter_mut().enumerate() {
        match event {
            Event::Start(Tag::List(start)) => {
                task_list.push(tasks[i]);
                if tasks[i] {
                    let tag = if start.is_some() { "ol" } else { "ul" };
                    *event = Event::Html(CowStr::from(format!("<{tag} class=\"task-list\">\n")));
                } else if let Some(n) = start {
                    *n = 1;
                }
            }
            Event::End(TagEnd::List(ordered)) => {
                let was_task_list = task_list.pop() == Some(true);
                if was_task_list {
                    let tag = if *ordered { "ol" } else { "ul" };
                    *event = Event::Html(CowStr::from(format!("</{tag}>\n")));
                }
            }
            Event::Start(Tag::Item) if task_list.last() == Some(&true) => {
                *event = Event::Html(CowStr::Borrowed("<li class=\"task-list-item\">"));
            }
            Event::End(TagEnd::Item) if task_list.last() == Some(&true) => {
                *event = Event::Html(CowStr::Borrowed("</li>\n"));
            }
            Event::TaskListMarker(checked) => {
                let checked = if *checked { " checked=\"checked\"" } else { "" };
                *event = Event::InlineHtml(CowStr::from(format!(
                    "<input type=\"checkbox\" class=\"task-list-item-checkbox\" \
                     disabled=\"disabled\"{checked} />"
                )));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::jekyll_html;

    /// Expected HTML as Jekyll 4.3.1 (kramdown 2.4, GFM input) writes it, whitespace
    /// between tags aside.
    #[test]
    fn lists_as_kramdown_writes_them() {
        let cases = [
            ("3. three\n4. four\n", "<ol>\n<li>three</li>\n<li>four</li>\n</ol>\n"),
            (
                "- [ ] task\n- plain\n- [x] done\n",
                "<ul class=\"task-list\">\n\
                 <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />task</li>\n\
                 <li class=\"task-list-item\">plain</li>\n\
                 <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>\n\
                 </ul>\n",
            ),
            (
                "1. [x] ordered\n",
                "<ol class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />ordered</li>\n</ol>\n",
            ),
            // Only the list holding the task item.
            (
                "* item\n\n  - [ ] nested\n",
                "<ul>\n<li>\n<p>item</p>\n<ul class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />nested</li>\n</ul>\n</li>\n</ul>\n",
            ),
        ];
        for (md, expected) in cases {
            assert_eq!(jekyll_html(md), expected, "{md:?}");
        }
    }
}
