//! What the cards pane shows while a long text is analysed in the background: a progress bar
//! and a cancel button, or, once stopped, why and a button to analyse again.

use super::i18n::{size, Lang};
use super::state::Halt;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressPanelProps {
    pub lang: Lang,
    /// How far the analysis has got (0.0 to 1.0), while it runs.
    pub progress: Option<f32>,
    /// Why it stopped, when it did.
    pub halt: Option<Halt>,
    /// The text's length in bytes.
    pub bytes: usize,
    pub on_cancel: Callback<()>,
    pub on_restart: Callback<()>,
}

#[component]
pub fn ProgressPanel(props: &ProgressPanelProps) -> Html {
    let s = props.lang.strings();
    let size = size(props.bytes);
    match (&props.halt, props.progress) {
        (None, Some(progress)) => {
            let percent = (progress * 100.0).round() as u32;
            html! {
                <section class="progress-panel" role="status" aria-live="polite">
                    <p>{ s.analyzing }{ " " }{ size }</p>
                    <progress max="100" value={percent.to_string()}
                        aria-label={s.analyzing}>{ format!("{percent}%") }</progress>
                    <span class="percent">{ format!("{percent}%") }</span>
                    <button type="button" class="cancel"
                        onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                        { s.cancel }
                    </button>
                </section>
            }
        }
        (Some(halt), _) => {
            let message = match halt {
                Halt::Cancelled => s.cancelled.to_string(),
                Halt::Failed(why) => format!("{}{why}", s.failed),
            };
            html! {
                <section class="progress-panel halted" role="status" aria-live="polite">
                    <p>{ message }</p>
                    <button type="button" class="primary restart"
                        onclick={props.on_restart.reform(|_: MouseEvent| ())}>
                        { s.restart }
                    </button>
                </section>
            }
        }
        (None, None) => html! {},
    }
}
