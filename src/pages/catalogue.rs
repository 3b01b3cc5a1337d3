use crate::api;
use crate::components::practice_list::PracticeList;
use crate::components::use_document_title;
use leptos::prelude::*;

/// The public catalogue of published practices.
#[component]
pub fn CataloguePage() -> impl IntoView {
    use_document_title("Catalogo");
    let catalogue = LocalResource::new(api::fetch_catalogue);
    view! {
        <div class="container page">
            <h1>"Catalogo delle pratiche"</h1>
            <Transition fallback=|| {
                view! { <p role="status">"Caricamento delle pratiche…"</p> }
            }>
                {move || Suspend::new(async move {
                    match catalogue.await {
                        Ok(catalogue) => {
                            let count = catalogue.practices.len();
                            view! {
                                <p role="status" class="result-count">
                                    {count_text(count)}
                                </p>
                                <PracticeList practices=catalogue.practices />
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <div role="alert" class="alert alert-error">
                                    <p>{error.message()}</p>
                                    <button class="button button-secondary" on:click=move |_| catalogue.refetch()>
                                        "Riprova"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}

/// "24 pratiche pubblicate", with the right grammatical number.
pub fn count_text(count: usize) -> String {
    match count {
        0 => "Nessuna pratica pubblicata.".into(),
        1 => "1 pratica pubblicata".into(),
        n => format!("{n} pratiche pubblicate"),
    }
}
