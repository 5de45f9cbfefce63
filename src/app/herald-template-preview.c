/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-template-preview.c: a WebKitWebView that shows a rendered e-mail
 * and nothing else.
 *
 * The page must never run its own code nor reach the network or the file
 * system, whatever the template contains:
 *
 *  - JavaScript is off for page content: enable-javascript-markup is FALSE,
 *    so <script> elements, on*= attributes and javascript: URLs are not
 *    run, and our policy says script-src 'none' (through default-src) as a
 *    second lock.  enable-javascript itself stays TRUE only because WebKit
 *    refuses webkit_web_view_evaluate_javascript() from the app otherwise
 *    ("Cannot execute JavaScript in this document", measured with WebKitGTK
 *    2.50), and the app needs it, in its own isolated world, to keep the
 *    scroll position.  Plugins, WebGL, WebAudio, media and storage are off.
 *  - Every document starts with our own Content-Security-Policy <meta>,
 *    before anything of the template: default-src 'none' with inline styles
 *    and data:/cid: images only.  Further policies in the template can only
 *    restrict more.  Remote images, style sheets and fonts are allowed
 *    (http:, https:) only when the user turns on remote content for this
 *    template.
 *  - decide-policy allows exactly one navigation per load_html() call (our
 *    own); links, forms, <meta http-equiv=refresh> and new windows are
 *    refused.  A link clicked with Ctrl opens in the user's browser.
 *  - The document is loaded with an about:blank base, never file://, and
 *    file URLs get no access to other files.
 *
 * The scroll position survives a reload: before loading we ask the old page
 * for window.scrollY from an isolated script world (the app's, not the
 * page's), and scroll the new page there once it has loaded.
 *
 * Never more than one load is in flight: a document set while one is being
 * loaded waits, and only the newest of those is loaded once the current
 * load finishes, so fast typing neither piles up work in WebKit nor shows
 * a half-loaded page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-template-preview.h"

#define DESKTOP_WIDTH 700
#define DESKTOP_MIN_WIDTH 600
#define MOBILE_WIDTH 375
#define SCRIPT_WORLD "herald-preview"
/* A load that has not finished after this long no longer holds up the
 * next one (a web process that died, a load WebKit dropped). */
#define LOAD_STUCK_USEC (3 * G_USEC_PER_SEC)

struct _HeraldTemplatePreview
{
  AdwBin          parent_instance;

  WebKitWebView  *web_view;
  AdwClamp       *clamp;
  GtkWidget      *inbox;
  GtkLabel       *inbox_subject;
  GtkLabel       *inbox_preheader;

  char           *html;
  double          scroll_y;
  guint           navigations_allowed;
  guint           loads_finished;
  guint           blocked;
  GCancellable   *cancellable;
  /* Since when a load is in flight (0: none), and whether another document
   * is waiting for it to finish. */
  gint64          busy_since;
  gboolean        pending;
  /* The scroll position: being read, read since the last load finished,
   * and a load waiting for it. */
  gboolean        scroll_reading;
  gboolean        scroll_fresh;
  gboolean        load_waits;
  /* Until when a newer document is expected, and the timeout for it. */
  gint64          expected_until;
  guint           expect_id;

  guint           mobile : 1;
  guint           dark : 1;
  guint           show_images : 1;
  guint           allow_remote : 1;
};

G_DEFINE_FINAL_TYPE (HeraldTemplatePreview, herald_template_preview, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MOBILE,
  PROP_DARK,
  PROP_SHOW_IMAGES,
  PROP_ALLOW_REMOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
herald_template_preview_real_open_link (HeraldTemplatePreview *self,
                                        const char            *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static const char *
content_security_policy (HeraldTemplatePreview *self)
{
  if (!self->show_images)
    return self->allow_remote
      ? "default-src 'none'; style-src 'unsafe-inline' http: https:; font-src data: http: https:; img-src 'none'; form-action 'none'; base-uri 'none'"
      : "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src 'none'; form-action 'none'; base-uri 'none'";

  return self->allow_remote
    ? "default-src 'none'; style-src 'unsafe-inline' http: https:; font-src data: http: https:; img-src data: cid: http: https:; form-action 'none'; base-uri 'none'"
    : "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data: cid:; form-action 'none'; base-uri 'none'";
}

/**
 * herald_template_preview_build_document:
 * @self: the preview
 * @html: the rendered HTML of a template
 *
 * Returns: (transfer full): the document the preview loads for @html: our
 *   policy first, then the optional dark background, then @html.
 */
char *
herald_template_preview_build_document (HeraldTemplatePreview *self,
                                        const char            *html)
{
  GString *doc;

  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), NULL);

  doc = g_string_new ("<meta http-equiv=\"Content-Security-Policy\" content=\"");
  g_string_append (doc, content_security_policy (self));
  g_string_append (doc, "\">\n");
  if (self->dark)
    g_string_append (doc, "<style>html { background: #1e1e1e; color-scheme: dark; }</style>\n");
  g_string_append (doc, html != NULL ? html : "");

  return g_string_free (doc, FALSE);
}

static void
load_document (HeraldTemplatePreview *self)
{
  g_autofree char *doc = herald_template_preview_build_document (self, self->html);

  /* The newest document: whatever was set while waiting is in it. */
  self->pending = FALSE;
  self->navigations_allowed = 1;
  webkit_web_view_load_html (self->web_view, doc, NULL);
}

static void
scroll_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HeraldTemplatePreview) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->scroll_reading = FALSE;
  if (value != NULL && jsc_value_is_number (value))
    self->scroll_y = jsc_value_to_double (value);
  /* Also after an error: the last position is the best guess then. */
  self->scroll_fresh = TRUE;

  if (self->load_waits)
    {
      self->load_waits = FALSE;
      load_document (self);
    }
}

static void
read_scroll (HeraldTemplatePreview *self)
{
  self->scroll_reading = TRUE;
  webkit_web_view_evaluate_javascript (self->web_view, "window.scrollY", -1,
                                       SCRIPT_WORLD, NULL, self->cancellable,
                                       scroll_read_cb, g_object_ref (self));
}

static void
reload (HeraldTemplatePreview *self)
{
  if (self->busy_since != 0 && g_get_monotonic_time () - self->busy_since < LOAD_STUCK_USEC)
    {
      self->pending = TRUE;
      return;
    }

  if (self->busy_since != 0)
    /* Stuck: whatever was awaited is not coming. */
    self->scroll_reading = self->load_waits = FALSE;
  self->busy_since = g_get_monotonic_time ();

  /* Nothing to keep on the first page; a position read since the last load
   * (herald_template_preview_remember_scroll() at the keystroke) saves the
   * round trip to the web process now. */
  if (self->loads_finished == 0 || self->scroll_fresh)
    {
      load_document (self);
      return;
    }

  self->load_waits = TRUE;
  if (!self->scroll_reading)
    read_scroll (self);
}

/* The expected document did not come: show the one that waits. */
static gboolean
expect_over_cb (gpointer user_data)
{
  HeraldTemplatePreview *self = user_data;

  self->expect_id = 0;
  self->expected_until = 0;
  if (self->pending && self->busy_since == 0)
    reload (self);
  return G_SOURCE_REMOVE;
}

static void
load_changed_cb (WebKitWebView         *web_view,
                 WebKitLoadEvent        event,
                 HeraldTemplatePreview *self)
{
  g_autofree char *script = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (event != WEBKIT_LOAD_FINISHED)
    return;

  self->loads_finished++;
  self->busy_since = 0;
  self->scroll_fresh = FALSE;
  if (self->scroll_y > 0)
    {
      script = g_strdup_printf ("window.scrollTo(0, %s)",
                                g_ascii_dtostr (buffer, sizeof buffer, self->scroll_y));
      webkit_web_view_evaluate_javascript (web_view, script, -1, SCRIPT_WORLD, NULL,
                                           NULL, NULL, NULL);
    }

  /* What was typed meanwhile, at once (the scroll above runs first); the
   * position is the one just restored, no need to ask the page.  Unless a
   * newer document is on its way (herald_template_preview_expect_html()):
   * loading the older one now would only make the newer one wait. */
  if (self->pending)
    {
      gint64 now = g_get_monotonic_time ();

      self->scroll_fresh = TRUE;
      if (self->expected_until > now)
        {
          g_clear_handle_id (&self->expect_id, g_source_remove);
          self->expect_id = g_timeout_add ((self->expected_until - now) / 1000 + 1, expect_over_cb, self);
        }
      else
        reload (self);
    }
}

static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           HeraldTemplatePreview             *self)
{
  /* No load will finish: show the document again in a new web process. */
  self->busy_since = 0;
  self->scroll_reading = self->load_waits = self->scroll_fresh = FALSE;
  if (self->html != NULL)
    reload (self);
}

static gboolean
is_browser_uri (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL
    && (g_ascii_strcasecmp (scheme, "http") == 0
        || g_ascii_strcasecmp (scheme, "https") == 0
        || g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  HeraldTemplatePreview    *self)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  /* Our own load_html(): always about:blank. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && self->navigations_allowed > 0
      && g_strcmp0 (uri, "about:blank") == 0)
    {
      self->navigations_allowed--;
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
      && (webkit_navigation_action_get_modifiers (action) & GDK_CONTROL_MASK) != 0
      && is_browser_uri (uri))
    {
      gboolean handled = FALSE;

      g_signal_emit (self, signals[OPEN_LINK], 0, uri, &handled);
    }

  self->blocked++;
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

static GtkWidget *
create_cb (WebKitWebView          *web_view,
           WebKitNavigationAction *action,
           HeraldTemplatePreview  *self)
{
  self->blocked++;
  return NULL;
}

static gboolean
context_menu_cb (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 gpointer             user_data)
{
  /* No "open link", "reload" or "inspect": the page is not a browser. */
  return TRUE;
}

static void
update_width (HeraldTemplatePreview *self)
{
  int width = self->mobile ? MOBILE_WIDTH : DESKTOP_WIDTH;

  /* Exactly this wide where there is room: the clamp never gives more. */
  adw_clamp_set_maximum_size (self->clamp, width);
  adw_clamp_set_tightening_threshold (self->clamp, width);
  gtk_widget_set_size_request (GTK_WIDGET (self->web_view), self->mobile ? MOBILE_WIDTH : DESKTOP_MIN_WIDTH, -1);
}

static void
herald_template_preview_dispose (GObject *object)
{
  HeraldTemplatePreview *self = HERALD_TEMPLATE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->expect_id, g_source_remove);

  G_OBJECT_CLASS (herald_template_preview_parent_class)->dispose (object);
}

static void
herald_template_preview_finalize (GObject *object)
{
  HeraldTemplatePreview *self = HERALD_TEMPLATE_PREVIEW (object);

  g_free (self->html);

  G_OBJECT_CLASS (herald_template_preview_parent_class)->finalize (object);
}

static void
herald_template_preview_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HeraldTemplatePreview *self = HERALD_TEMPLATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_MOBILE:
      g_value_set_boolean (value, self->mobile);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SHOW_IMAGES:
      g_value_set_boolean (value, self->show_images);
      break;
    case PROP_ALLOW_REMOTE:
      g_value_set_boolean (value, self->allow_remote);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_template_preview_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HeraldTemplatePreview *self = HERALD_TEMPLATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_MOBILE:
      herald_template_preview_set_mobile (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      herald_template_preview_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_IMAGES:
      herald_template_preview_set_show_images (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOW_REMOTE:
      herald_template_preview_set_allow_remote (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_template_preview_class_init (HeraldTemplatePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_template_preview_dispose;
  object_class->finalize = herald_template_preview_finalize;
  object_class->get_property = herald_template_preview_get_property;
  object_class->set_property = herald_template_preview_set_property;

  properties[PROP_MOBILE] =
    g_param_spec_boolean ("mobile", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_IMAGES] =
    g_param_spec_boolean ("show-images", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_REMOTE] =
    g_param_spec_boolean ("allow-remote", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeraldTemplatePreview::open-link:
   * @uri: an http:, https: or mailto: URI
   *
   * A link was clicked with Ctrl: the default handler opens it in the
   * user's browser (never in the preview).  A handler returning %TRUE
   * stops that (tests do).
   *
   * Returns: whether the link was dealt with
   */
  signals[OPEN_LINK] =
    g_signal_new_class_handler ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (herald_template_preview_real_open_link),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "heraldtemplatepreview");
}

static void
herald_template_preview_init (HeraldTemplatePreview *self)
{
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();

  self->show_images = TRUE;
  self->cancellable = g_cancellable_new ();

  webkit_settings_set_enable_javascript (settings, TRUE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "settings", settings,
                                 "vexpand", TRUE,
                                 "hexpand", TRUE,
                                 "halign", GTK_ALIGN_FILL,
                                 NULL);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect_object (self->web_view, "create", G_CALLBACK (create_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb), self, 0);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"),
                                  -1);

  /* Not in a GtkScrolledWindow: the web view scrolls itself, and a
   * scrolled window would stretch it to its full width. */
  gtk_widget_add_css_class (GTK_WIDGET (self->web_view), "card");

  /* The message as an inbox lists it: subject, then the preheader. */
  self->inbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->inbox, "card");
  gtk_widget_add_css_class (self->inbox, "herald-inbox-line");
  gtk_widget_set_visible (self->inbox, FALSE);
  self->inbox_subject = GTK_LABEL (gtk_label_new (NULL));
  self->inbox_preheader = GTK_LABEL (gtk_label_new (NULL));
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->inbox_subject : self->inbox_preheader;

      gtk_label_set_xalign (label, 0);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (label, TRUE);
      gtk_widget_set_margin_start (GTK_WIDGET (label), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (label), 12);
      gtk_box_append (GTK_BOX (self->inbox), GTK_WIDGET (label));
    }
  gtk_widget_set_margin_top (GTK_WIDGET (self->inbox_subject), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->inbox_preheader), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->inbox_subject), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->inbox_preheader), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inbox),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("As Listed in the Inbox"),
                                  -1);

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (box), self->inbox);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->web_view));
    self->clamp = ADW_CLAMP (adw_clamp_new ());
    adw_clamp_set_child (self->clamp, box);
  }
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->clamp));
  update_width (self);
}

/**
 * herald_template_preview_new:
 *
 * Returns: a new, empty preview.
 */
GtkWidget *
herald_template_preview_new (void)
{
  return g_object_new (HERALD_TYPE_TEMPLATE_PREVIEW, NULL);
}

/**
 * herald_template_preview_set_html:
 * @self: the preview
 * @html: (nullable): rendered HTML
 *
 * Shows @html, keeping the scroll position of the page shown before.
 */
void
herald_template_preview_set_html (HeraldTemplatePreview *self,
                                  const char            *html)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self));

  g_free (self->html);
  self->html = g_strdup (html != NULL ? html : "");
  self->expected_until = 0;
  g_clear_handle_id (&self->expect_id, g_source_remove);
  reload (self);
}

/**
 * herald_template_preview_expect_html:
 * @self: the preview
 * @within_ms: how soon
 *
 * Tells the preview that a new document will be set within @within_ms
 * (the user is typing): a load that finishes meanwhile then does not start
 * loading a document set earlier, which would only delay the new one.
 */
void
herald_template_preview_expect_html (HeraldTemplatePreview *self,
                                     guint                  within_ms)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self));

  self->expected_until = g_get_monotonic_time () + (gint64) within_ms * G_TIME_SPAN_MILLISECOND;
}

#define DEFINE_FLAG(name, field, prop, after)                                   \
gboolean                                                                        \
herald_template_preview_get_##name (HeraldTemplatePreview *self)                \
{                                                                               \
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), FALSE);              \
  return self->field;                                                           \
}                                                                               \
                                                                                \
void                                                                            \
herald_template_preview_set_##name (HeraldTemplatePreview *self,                \
                                    gboolean               value)               \
{                                                                               \
  g_return_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self));                         \
  value = !!value;                                                              \
  if (self->field == (guint) value)                                             \
    return;                                                                     \
  self->field = value;                                                          \
  after;                                                                        \
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);                 \
}

/* Accessors of the four display options; each reloads what it changes. */
DEFINE_FLAG (mobile, mobile, PROP_MOBILE, update_width (self))
DEFINE_FLAG (dark, dark, PROP_DARK,
             if (value) gtk_widget_add_css_class (self->inbox, "dark");
             else gtk_widget_remove_css_class (self->inbox, "dark");
             if (self->html != NULL) reload (self))
DEFINE_FLAG (show_images, show_images, PROP_SHOW_IMAGES,
             webkit_settings_set_auto_load_images (webkit_web_view_get_settings (self->web_view), value);
             if (self->html != NULL) reload (self))
DEFINE_FLAG (allow_remote, allow_remote, PROP_ALLOW_REMOTE, if (self->html != NULL) reload (self))

/**
 * herald_template_preview_set_inbox:
 * @self: the preview
 * @subject: (nullable): the rendered subject
 * @preheader: (nullable): the rendered preheader, or what a mail program
 *   shows instead (the start of the text)
 *
 * Shows, above the message, the line an inbox lists it with: the subject
 * and after it the preheader.  Both %NULL hides the line.
 */
void
herald_template_preview_set_inbox (HeraldTemplatePreview *self,
                                   const char            *subject,
                                   const char            *preheader)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self));

  gtk_widget_set_visible (self->inbox, subject != NULL || preheader != NULL);
  gtk_label_set_text (self->inbox_subject,
                      subject != NULL && *subject != '\0' ? subject : _("(No subject)"));
  gtk_label_set_text (self->inbox_preheader, preheader != NULL ? preheader : "");
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_preheader), preheader != NULL && *preheader != '\0');
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->inbox_subject),
                                preheader != NULL && *preheader != '\0' ? 0 : 8);
}

/**
 * herald_template_preview_get_inbox_subject:
 * @self: the preview
 *
 * Returns: the subject shown in the inbox line.
 */
const char *
herald_template_preview_get_inbox_subject (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), NULL);

  return gtk_label_get_text (self->inbox_subject);
}

/**
 * herald_template_preview_get_inbox_preheader:
 * @self: the preview
 *
 * Returns: the preheader shown in the inbox line ("" when none is shown).
 */
const char *
herald_template_preview_get_inbox_preheader (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), NULL);

  return gtk_label_get_text (self->inbox_preheader);
}

/**
 * herald_template_preview_get_web_view:
 * @self: the preview
 *
 * Returns: (transfer none): the web view (for tests and snapshots).
 */
WebKitWebView *
herald_template_preview_get_web_view (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), NULL);

  return self->web_view;
}

/**
 * herald_template_preview_get_loads_finished:
 * @self: the preview
 *
 * Returns: how many documents have finished loading so far.
 */
guint
herald_template_preview_get_loads_finished (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), 0);

  return self->loads_finished;
}

/**
 * herald_template_preview_remember_scroll:
 * @self: the preview
 *
 * Reads the scroll position of the page shown now, so that the next
 * document, set soon (the user is typing), is loaded without waiting for
 * that read.  Does nothing while a load is in flight.
 */
void
herald_template_preview_remember_scroll (HeraldTemplatePreview *self)
{
  g_return_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self));

  if (self->loads_finished == 0 || self->busy_since != 0 || self->scroll_reading)
    return;
  read_scroll (self);
}

/**
 * herald_template_preview_get_busy:
 * @self: the preview
 *
 * Returns: whether a document is being loaded (another one set meanwhile
 *   waits for it).
 */
gboolean
herald_template_preview_get_busy (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), FALSE);

  return self->busy_since != 0;
}

/**
 * herald_template_preview_get_blocked:
 * @self: the preview
 *
 * Returns: how many navigations and new windows the page asked for and
 *   did not get.
 */
guint
herald_template_preview_get_blocked (HeraldTemplatePreview *self)
{
  g_return_val_if_fail (HERALD_IS_TEMPLATE_PREVIEW (self), 0);

  return self->blocked;
}
