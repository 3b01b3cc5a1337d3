// SPDX-License-Identifier: EUPL-1.2
//! The app's page replacing the server's identical one (`app::start_with`),
//! with what the visitor did on the server's page before the app started
//! carried over to its twin: where the focus was (a keyboard user who
//! pressed Tab keeps their place) and what they typed or ticked (a search
//! begun, a message half written), which the app then treats as typed.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts the app's page (`drawing`'s children) where the server's page
/// (`<div data-frame>`, see `crates/server/src/web.rs`) was, in one task, so
/// the browser never paints a page without one, with the focus and what the
/// visitor typed carried over.
pub fn replace_server_page(drawing: &web_sys::Element) {
    let typed = typed_in_server_page();
    replace_server_frame(drawing);
    for (selector, input) in typed {
        if let Ok(Some(twin)) = document().query_selector(&selector) {
            input.give_to(&twin);
        }
    }
}

/// [`replace_server_page`] where the server sent only the frame (no field
/// to carry over), keeping the focus.
pub fn replace_server_frame(drawing: &web_sys::Element) {
    let focused = document().active_element().and_then(|element| twin_selector(&element));
    if let Ok(frames) = document().query_selector_all("body > [data-frame]") {
        for index in 0..frames.length() {
            if let Some(frame) = frames.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                frame.remove();
            }
        }
    }
    let body = document().body().expect("a page has a body");
    while let Some(node) = drawing.first_child() {
        let _ = body.append_child(&node);
    }
    if let Some(selector) = focused {
        crate::components::form::focus_first(&selector);
    }
}

/// What the visitor changed in a field of the server's page: its `value`
/// or, for a box, `checked`. Read and written as properties, which every
/// kind of field has, so that no binding is added to the app for this.
struct Typed {
    property: &'static str,
    value: wasm_bindgen::JsValue,
}

impl Typed {
    /// What the visitor changed in `field`, if anything.
    fn of(field: &web_sys::Element) -> Option<Typed> {
        let kind = field.get_attribute("type").unwrap_or_default();
        let (property, default) = match kind.as_str() {
            "checkbox" | "radio" => ("checked", "defaultChecked"),
            "hidden" | "submit" | "button" | "reset" | "file" | "image" => return None,
            _ => ("value", "defaultValue"),
        };
        let read = |name: &str| js_sys::Reflect::get(field, &name.into()).ok();
        let value = read(property)?;
        (Some(&value) != read(default).as_ref()).then_some(Typed { property, value })
    }

    /// Sets it on the twin field and tells the app, as typing would (the
    /// app's handlers are on the fields themselves).
    fn give_to(self, twin: &web_sys::Element) {
        if js_sys::Reflect::set(twin, &self.property.into(), &self.value).is_ok()
            && let Ok(event) = web_sys::Event::new(if self.property == "value" { "input" } else { "change" })
        {
            let _ = twin.dispatch_event(&event);
        }
    }
}

/// The fields of the server's page the visitor changed, each with the
/// selector of its twin.
fn typed_in_server_page() -> Vec<(String, Typed)> {
    let Ok(fields) = document().query_selector_all("body > [data-frame] :is(input, textarea)") else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|index| fields.item(index)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|field| Typed::of(&field).and_then(|typed| Some((twin_selector(&field)?, typed))))
        .collect()
}

/// A CSS selector that finds, in the app's identical page, the twin of an
/// element of the server's page (`None` outside it).
fn twin_selector(element: &web_sys::Element) -> Option<String> {
    let mut element = element.clone();
    let mut steps = Vec::new();
    loop {
        let parent = element.parent_element()?;
        if parent.has_attribute("data-frame") {
            let tag = element.tag_name().to_lowercase();
            let root = match element.id() {
                id if !id.is_empty() => format!("{tag}#{id}"),
                _ => format!("{tag}.{}", element.class_name().split_whitespace().next()?),
            };
            steps.push(format!("body > {root}"));
            steps.reverse();
            return Some(steps.join(" > "));
        }
        let mut position = 1;
        let mut sibling = element.previous_element_sibling();
        while let Some(before) = sibling {
            position += 1;
            sibling = before.previous_element_sibling();
        }
        steps.push(format!(":nth-child({position})"));
        element = parent;
    }
}
