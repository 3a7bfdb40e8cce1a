//! Pictures for slides and reports: any view rendered offscreen to a PNG at any size, without
//! the app's bars and panels, with no window and no GPU. egui lays out and tessellates as
//! usual; a small CPU rasterizer fills the triangles. (No maintained CPU renderer for this egui
//! version exists: egui_kittest's renderer needs wgpu and a Vulkan driver.) The same
//! [`CpuRenderer`] draws the pixel snapshots of the tests.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, Pos2, Rect, TextureId, ViewportId};

use crate::model::Kompas;
use crate::nav::{Location, View};
use crate::ui::app::KompasApp;
use crate::ui::command::{Command, Flag, OnOff};
use crate::ui::theme::ThemeKind;

/// What to render.
#[derive(Clone, Debug)]
pub struct RenderRequest {
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// The view.
    pub location: Location,
    /// The theme.
    pub theme: ThemeKind,
    /// As presenting shows it to the room (large, with the position of the step), instead of
    /// a picture of the view.
    pub presenting: bool,
}

impl RenderRequest {
    /// Pixels per point: layouts are made for about 1920 points wide, so a 3840-pixel picture
    /// is the same slide, twice as sharp.
    pub fn pixels_per_point(&self) -> f32 {
        (self.size[0] as f32 / 1920.0).max(1.0)
    }
}

/// Errors rendering a picture.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A size of zero or too large.
    #[error("ongeldige afmeting {0}×{1} (1 tot 8192 pixels per kant)")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("PNG maken lukte niet: {0}")]
    Png(String),
    /// Writing a slide failed.
    #[error("{0}")]
    Write(String),
}

/// Parses "1920x1080" (or with ×).
pub fn parse_size(s: &str) -> Option<[u32; 2]> {
    let (w, h) = s.split_once(['x', 'X', '×'])?;
    Some([w.trim().parse().ok()?, h.trim().parse().ok()?])
}

/// Where a view name from the command line leads: "kompas" (or nothing) is the compass,
/// "over:ID" a page of "Over het kompas", "kaart:ID" a kaart, any element id its own place.
pub fn parse_view(kompas: &Kompas, view: Option<&str>) -> Option<Location> {
    let v = view
        .map(str::trim)
        .filter(|v| !v.is_empty() && *v != "kompas");
    let Some(v) = v else {
        return Some(Location::home());
    };
    if let Some(page) = v.strip_prefix("over:") {
        return kompas.content.page(page).map(|p| Location {
            view: View::Over(p.id.clone()),
            selected: None,
        });
    }
    if let Some(id) = v.strip_prefix("kaart:") {
        let ix = kompas.get(id)?;
        return Some(Location {
            view: View::Kaart(kompas.element(ix).id.clone()),
            selected: Some(kompas.element(ix).id.clone()),
        });
    }
    kompas.get(v).map(|ix| crate::nav::location_for(kompas, ix))
}

/// Renders the view to RGBA pixels (straight alpha, row by row).
///
/// # Errors
/// An invalid size.
pub fn render_rgba(kompas: Kompas, request: &RenderRequest) -> Result<Vec<u8>, RenderError> {
    render_rgba_with(kompas, request, |_, _| {})
}

/// [`render_rgba`] with the app set up first (notes opened, progress of a year shown).
///
/// # Errors
/// An invalid size.
pub fn render_rgba_with(
    kompas: Kompas,
    request: &RenderRequest,
    setup: impl FnOnce(&mut KompasApp, &egui::Context),
) -> Result<Vec<u8>, RenderError> {
    let mut screen = Offscreen::new(kompas, request)?;
    setup(&mut screen.app, &screen.ctx);
    if request.presenting {
        // Presenting starts where one is; the step asked for is where it should be.
        screen
            .app
            .apply(&screen.ctx, Command::Go(request.location.clone()));
    }
    Ok(screen.picture())
}

/// The app running without a window, drawn by the CPU renderer.
struct Offscreen {
    ctx: egui::Context,
    app: KompasApp,
    renderer: CpuRenderer,
    size: [u32; 2],
    ppp: f32,
    time: usize,
}

impl Offscreen {
    /// The app at `request`'s place, theme and mode, animations off.
    fn new(kompas: Kompas, request: &RenderRequest) -> Result<Self, RenderError> {
        let [w, h] = request.size;
        if w == 0 || h == 0 || w > 8192 || h > 8192 {
            return Err(RenderError::Size(w, h));
        }
        let ctx = egui::Context::default();
        let mut app = KompasApp::new(&ctx, kompas, Vec::new(), None);
        for c in [
            Command::Set(Flag::Animations, OnOff::Off),
            Command::SetTheme(request.theme),
            Command::Go(request.location.clone()),
        ] {
            app.apply(&ctx, c);
        }
        if request.presenting {
            app.apply(&ctx, Command::Set(Flag::Presenting, OnOff::On));
        } else {
            app.apply(&ctx, Command::Set(Flag::Presenting, OnOff::Off));
            app.set_exporting(true);
        }
        Ok(Self {
            ctx,
            app,
            renderer: CpuRenderer::default(),
            size: request.size,
            ppp: request.pixels_per_point(),
            time: 0,
        })
    }

    /// A few passes (fonts load, panels and zoom settle, scrolling to the selection ends),
    /// then the last one's pixels, without a keyboard focus ring.
    fn picture(&mut self) -> Vec<u8> {
        let [w, h] = self.size;
        let ppp = self.ppp;
        let mut last = None;
        for pass in 0..6 {
            if pass == 5 {
                self.ctx.memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            // Each pass a second later. As egui-winit does: the screen in points is the
            // pixels over the native scale times the zoom (presenting zooms in).
            let zoom = self.ctx.zoom_factor();
            let mut raw = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(
                    Pos2::ZERO,
                    egui::vec2(w as f32 / (ppp * zoom), h as f32 / (ppp * zoom)),
                )),
                time: Some(self.time as f64),
                ..Default::default()
            };
            self.time += 1;
            raw.viewports
                .entry(ViewportId::ROOT)
                .or_default()
                .native_pixels_per_point = Some(ppp);
            let app = &mut self.app;
            let mut out = self.ctx.run_ui(raw, |ui| app.ui(ui));
            self.renderer.handle_delta(&out.textures_delta);
            out.textures_delta.clear();
            last = Some(out);
        }
        match last {
            Some(out) => self
                .renderer
                .render(&self.ctx, &out, self.size, self.app.background()),
            None => Vec::new(),
        }
    }
}

/// One slide of a presentation, as [`render_presentation`] hands it over.
pub struct Slide {
    /// A file name that sorts in presentation order: "004-koerskaart-1-1-a-2.png".
    pub file: String,
    /// What the position strip says ("Koers 2.1 — 6 van 16 · 1/2").
    pub position: String,
    /// The title of the step.
    pub title: String,
    /// RGBA pixels (straight alpha, row by row).
    pub rgba: Vec<u8>,
    /// The step (from 0) and how many there are, for progress.
    pub step: (usize, usize),
}

/// Renders every step of the presentation, every slide of a long step, in the order the
/// clicker steps through them, handing each to `each` as it is made.
///
/// # Errors
/// An invalid size, or what `each` returns.
pub fn render_presentation(
    kompas: &Kompas,
    size: [u32; 2],
    theme: ThemeKind,
    mut each: impl FnMut(Slide) -> Result<(), String>,
) -> Result<usize, RenderError> {
    let sequence = crate::nav::presentation_sequence(kompas);
    let Some(first) = sequence.first().cloned() else {
        return Ok(0);
    };
    let request = RenderRequest {
        size,
        location: first,
        theme,
        presenting: true,
    };
    let mut screen = Offscreen::new(kompas.clone(), &request)?;
    let width = (sequence.len() + 1).to_string().len().max(3);
    let mut count = 0;
    // Bounded: every step, each with at most a hundred slides.
    for _ in 0..sequence.len() * 100 {
        let rgba = screen.picture();
        let loc = screen.app.location().clone();
        let step = crate::nav::presentation_index(kompas, &sequence, &loc);
        let position = crate::nav::position_label(kompas, &loc);
        let page = screen.app.slide_page();
        let mut slug = crate::text::slug(position.split(" — ").next().unwrap_or_default());
        if let Some(ix) = loc.focus(kompas)
            && matches!(loc.view, View::Kaart(_))
            && let Some(label) = &kompas.element(ix).label
        {
            slug = format!("{slug}-{}", crate::text::slug(label));
        }
        if let Some(p) = &page {
            slug = format!("{slug}-{}", p.split('/').next().unwrap_or_default());
        }
        count += 1;
        let title = loc
            .focus(kompas)
            .map(|ix| kompas.element(ix).title.clone())
            .unwrap_or_default();
        let position = page.map_or_else(|| position.clone(), |p| format!("{position} · {p}"));
        each(Slide {
            file: format!("{count:0width$}-{slug}.png"),
            position,
            title,
            rgba,
            step: (step, sequence.len()),
        })
        .map_err(RenderError::Write)?;
        let last_page = screen.app.slide_page().is_none_or(|p| {
            let (a, b) = p.split_once('/').unwrap_or(("1", "1"));
            a == b
        });
        if step + 1 >= sequence.len() && last_page {
            break;
        }
        screen.app.apply(
            &screen.ctx,
            Command::Ui(crate::ui::command::UiCommand::NextStep),
        );
    }
    Ok(count)
}

/// Encodes RGBA pixels of `size` as PNG.
///
/// # Errors
/// PNG encoding.
pub fn encode_png(rgba: &[u8], size: [u32; 2]) -> Result<Vec<u8>, RenderError> {
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, size[0], size[1]);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc
            .write_header()
            .map_err(|e| RenderError::Png(e.to_string()))?;
        writer
            .write_image_data(rgba)
            .map_err(|e| RenderError::Png(e.to_string()))?;
    }
    Ok(bytes)
}

/// The CPU renderer on its own, for anything that runs egui itself (the pixel snapshot tests
/// run it under egui_kittest): keep it up to date with every frame's texture changes, then
/// ask it for a frame's pixels.
#[derive(Default)]
pub struct CpuRenderer {
    textures: Textures,
}

impl CpuRenderer {
    /// Takes up what egui changed in its textures (the font atlas) this frame.
    pub fn handle_delta(&mut self, delta: &egui::TexturesDelta) {
        self.textures.apply(delta);
    }

    /// The frame `output` as RGBA pixels (straight alpha, row by row) of `size`, on `background`.
    pub fn render(
        &self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
        size: [u32; 2],
        background: Color32,
    ) -> Vec<u8> {
        let prims = ctx.tessellate(output.shapes.clone(), output.pixels_per_point);
        let mut canvas = Canvas::new(size[0] as usize, size[1] as usize, background);
        for p in &prims {
            canvas.draw(p, &self.textures, output.pixels_per_point);
        }
        canvas.into_rgba()
    }
}

/// Renders the view to PNG bytes.
///
/// # Errors
/// See [`render_rgba`]; PNG encoding.
pub fn render_png(kompas: Kompas, request: &RenderRequest) -> Result<Vec<u8>, RenderError> {
    encode_png(&render_rgba(kompas, request)?, request.size)
}

/// [`render_png`] with the notes at `notes` and, when given, the progress of `year` shown.
///
/// # Errors
/// See [`render_rgba`]; PNG encoding.
pub fn render_png_with_notes(
    kompas: Kompas,
    request: &RenderRequest,
    notes: Option<std::path::PathBuf>,
    year: Option<i32>,
) -> Result<Vec<u8>, RenderError> {
    let rgba = render_rgba_with(kompas, request, |app, ctx| {
        if let Some(path) = notes {
            app.open_notes(path);
        }
        if year.is_some() {
            app.apply(
                ctx,
                Command::Voortgang(crate::ui::command::VoortgangCommand::SetYear(year)),
            );
        }
    })?;
    encode_png(&rgba, request.size)
}

/// The textures egui asked for (the font atlas), kept up to date from its deltas.
#[derive(Default)]
struct Textures {
    map: HashMap<TextureId, ([usize; 2], Vec<Color32>)>,
}

impl Textures {
    fn apply(&mut self, delta: &egui::TexturesDelta) {
        for (id, d) in delta
            .set
            .iter()
            .flat_map(|(id, ds)| ds.iter().map(move |d| (id, d)))
        {
            let egui::ImageData::Color(img) = &d.image;
            match d.pos {
                None => {
                    self.map.insert(*id, (img.size, img.pixels.clone()));
                }
                Some([x0, y0]) => {
                    let Some((size, pixels)) = self.map.get_mut(id) else {
                        continue;
                    };
                    for y in 0..img.size[1] {
                        for x in 0..img.size[0] {
                            let (tx, ty) = (x0 + x, y0 + y);
                            if tx < size[0]
                                && ty < size[1]
                                && let (Some(dst), Some(src)) = (
                                    pixels.get_mut(ty * size[0] + tx),
                                    img.pixels.get(y * img.size[0] + x),
                                )
                            {
                                *dst = *src;
                            }
                        }
                    }
                }
            }
        }
        #[expect(
            clippy::iter_over_hash_type,
            reason = "freeing textures in any order frees the same"
        )]
        for id in &delta.free {
            self.map.remove(id);
        }
    }

    /// The texture `id`, if egui has sent it.
    fn get(&self, id: TextureId) -> Option<&([usize; 2], Vec<Color32>)> {
        self.map.get(&id)
    }
}

/// Bilinear sample of a texture (premultiplied, 0..1 per channel); white without one.
fn sample(texture: Option<&([usize; 2], Vec<Color32>)>, u: f32, v: f32) -> [f32; 4] {
    let Some((size, px)) = texture else {
        return [1.0; 4];
    };
    let (w, h) = (size[0] as f32, size[1] as f32);
    let x = (u * w - 0.5).clamp(0.0, w - 1.0);
    let y = (v * h - 0.5).clamp(0.0, h - 1.0);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(size[0] - 1), (y0 + 1).min(size[1] - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |xx: usize, yy: usize| px.get(yy * size[0] + xx).map_or([0.0; 4], |c| rgba(*c));
    let lerp = |a: [f32; 4], b: [f32; 4], t: f32| {
        [
            a[0] + (b[0] - a[0]) * t,
            a[1] + (b[1] - a[1]) * t,
            a[2] + (b[2] - a[2]) * t,
            a[3] + (b[3] - a[3]) * t,
        ]
    };
    lerp(
        lerp(at(x0, y0), at(x1, y0), fx),
        lerp(at(x0, y1), at(x1, y1), fx),
        fy,
    )
}

fn rgba(c: Color32) -> [f32; 4] {
    [c.r(), c.g(), c.b(), c.a()].map(|v| f32::from(v) / 255.0)
}

/// Premultiplied RGBA in gamma space, blended the way egui's own renderers blend.
struct Canvas {
    w: usize,
    h: usize,
    px: Vec<[f32; 4]>,
}

impl Canvas {
    fn new(w: usize, h: usize, bg: Color32) -> Self {
        Self {
            w,
            h,
            px: vec![rgba(bg); w * h],
        }
    }

    fn draw(&mut self, prim: &ClippedPrimitive, textures: &Textures, ppp: f32) {
        let Primitive::Mesh(mesh) = &prim.primitive else {
            return;
        };
        let texture = textures.get(mesh.texture_id);
        let clip = Rect::from_min_max(prim.clip_rect.min * ppp, prim.clip_rect.max * ppp);
        let clip_x0 = clip.min.x.max(0.0) as usize;
        let clip_y0 = clip.min.y.max(0.0) as usize;
        let clip_x1 = (clip.max.x.min(self.w as f32)).max(0.0) as usize;
        let clip_y1 = (clip.max.y.min(self.h as f32)).max(0.0) as usize;
        for tri in mesh.indices.chunks_exact(3) {
            let v = |i: u32| {
                mesh.vertices
                    .get(i as usize)
                    .copied()
                    .unwrap_or(Vertex::default())
            };
            let (a, b, c) = (v(tri[0]), v(tri[1]), v(tri[2]));
            let (pa, pb, pc) = (
                a.pos.to_vec2() * ppp,
                b.pos.to_vec2() * ppp,
                c.pos.to_vec2() * ppp,
            );
            let area = (pb.x - pa.x) * (pc.y - pa.y) - (pb.y - pa.y) * (pc.x - pa.x);
            if area.abs() < 1e-6 {
                continue;
            }
            let x0 = (pa.x.min(pb.x).min(pc.x).floor().max(0.0) as usize).max(clip_x0);
            let y0 = (pa.y.min(pb.y).min(pc.y).floor().max(0.0) as usize).max(clip_y0);
            let x1 = (pa.x.max(pb.x).max(pc.x).ceil().max(0.0) as usize).min(clip_x1);
            let y1 = (pa.y.max(pb.y).max(pc.y).ceil().max(0.0) as usize).min(clip_y1);
            let (ca, cb, cc) = (rgba(a.color), rgba(b.color), rgba(c.color));
            // Most shapes sample one white texel: look it up once per triangle, not per pixel.
            let flat_uv = a.uv == b.uv && b.uv == c.uv;
            let flat_tex = sample(texture, a.uv.x, a.uv.y);
            let flat_colour = a.color == b.color && b.color == c.color;
            for y in y0..y1 {
                for x in x0..x1 {
                    let p = egui::vec2(x as f32 + 0.5, y as f32 + 0.5);
                    let w0 = ((pb.x - p.x) * (pc.y - p.y) - (pb.y - p.y) * (pc.x - p.x)) / area;
                    let w1 = ((pc.x - p.x) * (pa.y - p.y) - (pc.y - p.y) * (pa.x - p.x)) / area;
                    let w2 = 1.0 - w0 - w1;
                    if w0 < -1e-4 || w1 < -1e-4 || w2 < -1e-4 {
                        continue;
                    }
                    let tex = if flat_uv {
                        flat_tex
                    } else {
                        let u = w0 * a.uv.x + w1 * b.uv.x + w2 * c.uv.x;
                        let vv = w0 * a.uv.y + w1 * b.uv.y + w2 * c.uv.y;
                        sample(texture, u, vv)
                    };
                    let mut src = [0.0; 4];
                    for i in 0..4 {
                        let colour = if flat_colour {
                            ca[i]
                        } else {
                            w0 * ca[i] + w1 * cb[i] + w2 * cc[i]
                        };
                        src[i] = colour * tex[i];
                    }
                    if let Some(dst) = self.px.get_mut(y * self.w + x) {
                        let inv = 1.0 - src[3];
                        for i in 0..4 {
                            dst[i] = src[i] + dst[i] * inv;
                        }
                    }
                }
            }
        }
    }

    fn into_rgba(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.px.len() * 4);
        for p in self.px {
            let a = p[3].clamp(0.0, 1.0);
            let un = |c: f32| {
                if a > 0.0 {
                    (c / a).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            };
            out.extend([un(p[0]), un(p[1]), un(p[2]), a].map(|v| (v * 255.0).round() as u8));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_and_sizes_parse() {
        let k = crate::load::load_embedded().unwrap().kompas;
        assert_eq!(parse_size("3840x2160"), Some([3840, 2160]));
        assert_eq!(parse_size("1920×1080"), Some([1920, 1080]));
        assert_eq!(parse_size("groot"), None);
        assert_eq!(parse_view(&k, None), Some(Location::home()));
        assert_eq!(
            parse_view(&k, Some("2.3")).unwrap().view,
            View::Page("2.3".into())
        );
        assert_eq!(
            parse_view(&k, Some("kaart:4.3")).unwrap().view,
            View::Kaart("4.3".into())
        );
        assert_eq!(
            parse_view(&k, Some("over:trends")).unwrap().view,
            View::Over("trends".into())
        );
        assert_eq!(parse_view(&k, Some("9.9")), None);
    }

    #[test]
    fn a_render_has_the_compass_colours_and_no_bars() {
        let k = crate::load::load_embedded().unwrap().kompas;
        let yellow = k.element(k.get("1").unwrap()).color.unwrap();
        let req = RenderRequest {
            size: [480, 270],
            location: Location::home(),
            theme: ThemeKind::Light,
            presenting: false,
        };
        let rgba = render_rgba(k, &req).unwrap();
        assert_eq!(rgba.len(), 480 * 270 * 4);
        let px = |x: usize, y: usize| &rgba[(y * 480 + x) * 4..(y * 480 + x) * 4 + 4];
        // The yellow of hoofddoel 1 is there (first sector, right of twelve o'clock).
        let found = (0..270)
            .flat_map(|y| (0..480).map(move |x| (x, y)))
            .any(|(x, y)| {
                let p = px(x, y);
                (i32::from(p[0]) - i32::from(yellow.0)).abs() < 6
                    && (i32::from(p[1]) - i32::from(yellow.1)).abs() < 6
                    && (i32::from(p[2]) - i32::from(yellow.2)).abs() < 6
            });
        assert!(found, "no pixel of hoofddoel 1's colour");
        // The top-left corner is background, not a tool bar.
        let bg = crate::ui::theme::Theme::new(ThemeKind::Light).bg;
        assert_eq!(&px(2, 2)[..3], &[bg.r(), bg.g(), bg.b()]);
        assert!(
            render_rgba(
                crate::load::load_embedded().unwrap().kompas,
                &RenderRequest {
                    size: [0, 10],
                    ..req
                }
            )
            .is_err()
        );
    }
}
