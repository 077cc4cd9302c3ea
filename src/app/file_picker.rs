//! A button that opens the browser's file chooser: a real button (it looks and tabs like the
//! others) over a hidden file input, reporting the files chosen.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub label: AttrValue,
    /// The button's class.
    pub class: AttrValue,
    /// The hidden input's class, besides `visually-hidden`.
    #[prop_or_default]
    pub input_class: AttrValue,
    /// What the chooser offers (`.txt,text/plain`).
    pub accept: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
    pub on_files: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let picker = use_node_ref();
    let open = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                on_files.emit((0..files.length()).filter_map(|i| files.get(i)).collect());
            }
            // Choosing the same file again must still count as a change.
            input.set_value("");
        })
    };
    html! {
        <>
            <button type="button" class={props.class.clone()} onclick={open}>
                { props.label.clone() }
            </button>
            <input ref={picker} type="file"
                class={classes!("visually-hidden", props.input_class.to_string())}
                tabindex="-1" aria-hidden="true" multiple={props.multiple}
                accept={props.accept.clone()} {onchange} />
        </>
    }
}
