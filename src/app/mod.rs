//! The browser's state and its pure `update`, in The Elm Architecture's shape: keys
//! become [`Action`]s, `update` changes the [`App`], render functions only read it. No
//! terminal I/O here, so every behaviour is unit-testable ("keys in, state out").

pub mod anchor;
pub mod dossier;
pub mod filter;
pub mod fit;
pub mod help;
pub mod history;
pub mod index;
pub mod list_filter;
pub mod loading;
pub mod mouse;
pub mod reader;
pub mod relations;
pub mod select;
pub mod timeline;
pub mod typing;
pub mod update;

pub mod cited_by;
pub mod claims;
pub mod disputes;
pub mod errors;
mod jump;
pub mod nav;
pub mod reload;
pub mod sources;
pub mod stack;
pub mod status;

#[cfg(test)]
mod across_tests;
#[cfg(test)]
mod fixes_tests;
#[cfg(test)]
mod linked_tests;
#[cfg(test)]
mod list_tests;
pub mod preview;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use crate::action::Action;
pub use update::update;

use crate::action::Mode;
use crate::geometry::{Areas, Shape};
use crate::keymap::Keymap;
use crate::model::Corpus;
use crate::search::passages::{PassageHits, PassageIndex};
use crate::search::{DossierHits, SearchIndex};
use filter::{Finder, Scope, Worker};

/// The list of dossiers, filtered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexView {
    /// The filter as typed.
    pub query: String,
    /// True while typing the filter.
    pub typing: bool,
    /// Matching dossiers, best first.
    pub hits: DossierHits,
    /// Selected row of `hits`.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// What the filter searches: dossiers, or every sentence of the articles.
    pub scope: Scope,
    /// Matching sentences, best first, when the scope is passages.
    pub passages: PassageHits,
    /// True while a search for the current query is still running.
    pub pending: bool,
    /// The order of the list while the filter is empty (`o` cycles it).
    pub order: crate::model::order::Order,
}

impl IndexView {
    /// Rows in the list for the current scope.
    pub fn len(&self) -> usize {
        match self.scope {
            Scope::Dossiers => self.hits.len(),
            Scope::Passages => self.passages.len(),
        }
    }

    /// True when the list for the current scope is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Where searches run: here, synchronously (tests), or on a worker thread (terminal).
pub enum Searcher {
    Sync(Box<Finder>),
    Async(Worker),
}

/// One dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierView {
    /// Index into the corpus's dossiers.
    pub dossier: usize,
    /// Selected target (citation marker or relation), in reading order.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderView {
    /// Index into the corpus's sources.
    pub source: usize,
    /// The quote being read, highlighted.
    pub highlight: Option<Range<usize>>,
    /// First visible display line.
    pub top: usize,
    /// The search as typed.
    pub search: String,
    /// True while typing the search.
    pub typing: bool,
    /// Byte ranges of the search's matches.
    pub matches: Vec<Range<usize>>,
    /// The current match.
    pub current: Option<usize>,
    /// Text being selected to cite (`s`), a byte range of the article.
    pub selection: Option<Range<usize>>,
}

/// What is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Index(IndexView),
    Dossier(DossierView),
    Reader(ReaderView),
    CitedBy(cited_by::CitedByView),
    Sources(sources::SourcesView),
    Disputes(disputes::DisputesView),
    Claims(claims::ClaimsView),
    Relations(relations::RelationsView),
    Timeline(timeline::TimelineView),
}

impl Screen {
    /// The `/` filter of a cross-source list, the relations map or the timeline; `None`
    /// for the index (its filter is its search) and the dossier and reader.
    pub fn list_filter(&self) -> Option<&list_filter::ListFilter> {
        match self {
            Screen::CitedBy(v) => Some(&v.filter),
            Screen::Sources(v) => Some(&v.filter),
            Screen::Disputes(v) => Some(&v.filter),
            Screen::Claims(v) => Some(&v.filter),
            Screen::Relations(v) => Some(&v.filter),
            Screen::Timeline(v) => Some(&v.filter),
            Screen::Index(_) | Screen::Dossier(_) | Screen::Reader(_) => None,
        }
    }

    /// [`Screen::list_filter`], to change.
    pub fn list_filter_mut(&mut self) -> Option<&mut list_filter::ListFilter> {
        match self {
            Screen::CitedBy(v) => Some(&mut v.filter),
            Screen::Sources(v) => Some(&mut v.filter),
            Screen::Disputes(v) => Some(&mut v.filter),
            Screen::Claims(v) => Some(&mut v.filter),
            Screen::Relations(v) => Some(&mut v.filter),
            Screen::Timeline(v) => Some(&mut v.filter),
            Screen::Index(_) | Screen::Dossier(_) | Screen::Reader(_) => None,
        }
    }

    /// The view's shape: which parts it has, for [`crate::geometry::areas`].
    pub fn shape(&self) -> Shape {
        match self {
            Screen::Index(_) => Shape::Index,
            Screen::Dossier(_) => Shape::Dossier,
            Screen::Reader(_) => Shape::Reader,
            Screen::CitedBy(_) => Shape::CitedBy,
            Screen::Sources(_) => Shape::Sources,
            Screen::Disputes(_) => Shape::Disputes,
            Screen::Claims(_) => Shape::Claims,
            Screen::Relations(_) => Shape::Relations,
            Screen::Timeline(_) => Shape::Timeline,
        }
    }
}

/// The whole browser.
pub struct App {
    pub corpus: Arc<Corpus>,
    pub search: Arc<SearchIndex>,
    pub keymap: Keymap,
    pub screen: Screen,
    /// Screens to go back to, most recent last.
    pub back: Vec<Screen>,
    /// Screens to go forward to, most recent last.
    pub forward: Vec<Screen>,
    /// The help overlay is shown.
    pub help: bool,
    /// First visible line of the help overlay.
    pub help_top: usize,
    /// A message for the status line, cleared by the next key.
    pub message: Option<String>,
    /// Set by [`Action::Quit`].
    pub quit: bool,
    /// Terminal size (columns, rows), for paging and keeping selections in view.
    pub size: (u16, u16),
    /// Text to put on the clipboard (the terminal loop sends it as OSC 52).
    pub clipboard: Option<String>,
    /// A citation made in the reader, for the terminal loop to append to the
    /// `--cite-to` file (update does no I/O).
    pub cite_out: Option<crate::corpus::cite::Cite>,
    /// Where `--cite-to` appends citations made in the reader, if anywhere.
    pub cite_to: Option<std::path::PathBuf>,
    /// Per source: the start-sorted byte ranges any dossier cites.
    pub cited: Vec<Vec<Range<usize>>>,
    /// Wrapped lines of the open article, for the width they were made for.
    pub wrapped: reader::WrapCache,
    /// Who cites what, coverage, disputes, corroboration: built once at start-up.
    pub xref: crate::xref::Xref,
    /// Per dossier, the other dossiers' relations that point at it ("Linked from"):
    /// built once at start-up so no frame scans every dossier.
    pub incoming: crate::model::incoming::Incoming,
    /// Every sentence of the articles, indexed on the first passage search.
    pub passages: Arc<OnceLock<PassageIndex>>,
    /// Runs the index filter's searches.
    pub searcher: Searcher,
    /// Generation of the newest search asked for; older answers are dropped.
    pub generation: u64,
    /// The index's preview: hidden or shown, held while the selection moves.
    pub preview: preview::Preview,
    /// The disputes list laid out at one width (`disputes::cached`), kept between keys.
    pub disputes_layout:
        std::cell::RefCell<Option<(disputes::LayoutKey, Arc<crate::geometry::disputes::Layout>)>>,
    /// The timeline's order, sorted once (`timeline::kept`).
    pub timeline: OnceLock<timeline::Kept>,
    /// The sources grouped by their original, once (`sources::groups`).
    pub source_groups: OnceLock<Vec<Vec<usize>>>,
    /// The index's orders before anything is typed, once each (`model::order::Ranks`).
    pub order_ranks: crate::model::order::Ranks,
    /// Why the last live reload failed; the corpus on screen is the last good one.
    pub reload_errors: Vec<crate::diag::Diagnostic>,
    /// The list of `reload_errors` is shown (`E`), with this row selected.
    pub errors: Option<usize>,
    /// A file position to open in the user's editor, for the terminal loop (update
    /// does no I/O).
    pub edit: Option<errors::Edit>,
    /// First shown row of the pane under the list (`J`/`K`); back to 0 on any other key.
    pub pane_top: usize,
    /// How far the pane can scroll: its text's wrapped rows less the rows it shows, as
    /// the last frame laid it out (the pane's text is wrapped where it is drawn).
    pub pane_max: std::cell::Cell<usize>,
    /// The cursor of the line being typed and the query history (`typing`).
    pub line: typing::LineEditor,
    /// Set while the corpus on screen is only the outline of one being checked
    /// (`loading`): what is left to do, and how many keys wait for it.
    pub loading: Option<loading::Loading>,
}

/// What a log or a failed assertion needs of a browser: its corpus's size and what it
/// shows (the indexes are too large to print).
impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("dossiers", &self.corpus.dossiers.len())
            .field("sources", &self.corpus.sources.len())
            .field("screen", &self.screen)
            .field("loading", &self.loading)
            .finish_non_exhaustive()
    }
}

impl App {
    /// A browser on `corpus`, showing the index.
    pub fn new(corpus: Corpus, keymap: Keymap, size: (u16, u16)) -> App {
        let corpus = Arc::new(corpus);
        // The indexes are independent of each other: built side by side on the pool
        // (≈2.4 s on one thread at 100,000 dossiers, BENCHMARKS.md), the search index,
        // the largest, against the other three.
        let (search, (cited, (xref, incoming))) = rayon::join(
            || SearchIndex::new(&corpus),
            || {
                rayon::join(
                    || reader::cited_ranges(&corpus),
                    || {
                        rayon::join(
                            || crate::xref::Xref::new(&corpus),
                            || crate::model::incoming::Incoming::new(&corpus),
                        )
                    },
                )
            },
        );
        let search = Arc::new(search);
        let passages = Arc::new(OnceLock::new());
        let mut finder = Finder::new(
            Arc::clone(&corpus),
            Arc::clone(&search),
            Arc::clone(&passages),
        );
        let order_ranks = crate::model::order::Ranks::default();
        let mut index = IndexView {
            query: String::new(),
            typing: false,
            hits: DossierHits::default(),
            selected: 0,
            offset: 0,
            scope: Scope::Dossiers,
            passages: PassageHits::default(),
            pending: false,
            order: crate::model::order::Order::default(),
        };
        if let Some(found) = finder.find(Scope::Dossiers, "", &|| false) {
            index::apply(&mut index, found, &corpus, &order_ranks);
        }
        App {
            corpus,
            search,
            keymap,
            screen: Screen::Index(index),
            back: Vec::new(),
            forward: Vec::new(),
            help: false,
            help_top: 0,
            message: None,
            quit: false,
            size,
            clipboard: None,
            cite_out: None,
            cite_to: None,
            cited,
            wrapped: reader::WrapCache::default(),
            xref,
            incoming,
            passages,
            searcher: Searcher::Sync(Box::new(finder)),
            generation: 0,
            preview: preview::Preview::default(),
            disputes_layout: std::cell::RefCell::new(None),
            timeline: OnceLock::new(),
            source_groups: OnceLock::new(),
            order_ranks,
            reload_errors: Vec::new(),
            errors: None,
            edit: None,
            pane_top: 0,
            pane_max: std::cell::Cell::new(0),
            line: typing::LineEditor::default(),
            loading: None,
        }
    }

    /// Moves the index filter's searches to a worker thread; `deliver` is called there
    /// with each finished search, to be handed back as `app::update::found`.
    pub fn search_in_background(&mut self, deliver: impl Fn(filter::Done) + Send + 'static) {
        let finder = Finder::new(
            Arc::clone(&self.corpus),
            Arc::clone(&self.search),
            Arc::clone(&self.passages),
        );
        self.searcher = Searcher::Async(Worker::spawn(finder, deliver));
    }

    /// The keymap mode of the current screen.
    pub fn mode(&self) -> Mode {
        if self.errors.is_some() {
            // The errors list moves and opens with the index's keys.
            return Mode::Index;
        }
        match &self.screen {
            Screen::Index(v) if v.typing => Mode::Filter,
            _ if self.screen.list_filter().is_some_and(|f| f.typing) => Mode::Filter,
            Screen::Index(_) => Mode::Index,
            Screen::Dossier(_) => Mode::Dossier,
            Screen::Reader(v) if v.typing => Mode::Search,
            Screen::Reader(v) if v.selection.is_some() => Mode::Select,
            Screen::Reader(_) => Mode::Reader,
            Screen::CitedBy(_) => Mode::CitedBy,
            Screen::Sources(_) => Mode::Sources,
            Screen::Disputes(_) => Mode::Disputes,
            Screen::Claims(_) => Mode::Claims,
            Screen::Relations(_) => Mode::Relations,
            Screen::Timeline(_) => Mode::Timeline,
        }
    }

    /// Where the parts of a view of `shape` go at the current size ([`crate::geometry`]).
    pub fn areas(&self, shape: Shape) -> Areas {
        crate::geometry::areas(shape, self.size)
    }

    /// Where the parts of the view on screen go at the current size.
    pub fn view_areas(&self) -> Areas {
        self.areas(self.screen.shape())
    }

    /// Rows of the list (or text) of a view of `shape`: what paging and keep-visible use,
    /// the same rows the view draws.
    pub fn list_rows(&self, shape: Shape) -> usize {
        self.areas(shape).list_rows()
    }
}
