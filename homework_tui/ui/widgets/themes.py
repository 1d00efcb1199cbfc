"""Our own themes: a calm default and a high-contrast one (Textual's themes stay available)."""

from __future__ import annotations

from textual.theme import Theme

from homework_tui.model.settings import DEFAULT_THEME, HIGH_CONTRAST_THEME

CALM = Theme(
    name=DEFAULT_THEME,
    primary="#7FA9A6",  # muted sea green
    secondary="#9AAAC8",
    accent="#D3B48C",  # warm sand
    foreground="#DCE1E4",
    background="#1C2126",
    surface="#232A30",
    panel="#2A3239",
    success="#93BE93",
    warning="#D8B56E",
    error="#D38C8C",
    dark=True,
    variables={
        "footer-key-foreground": "#D3B48C",
        "block-cursor-background": "#3B5756",
        "block-cursor-foreground": "#F1F4F5",
        "block-cursor-blurred-background": "#2F3D40",
        "block-cursor-text-style": "none",
        "input-cursor-text-style": "reverse",
    },
)

HIGH_CONTRAST = Theme(
    name=HIGH_CONTRAST_THEME,
    primary="#FFD500",
    secondary="#00E5FF",
    accent="#00E5FF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF66",
    warning="#FFD500",
    error="#FF6B6B",
    dark=True,
    luminosity_spread=0.25,
    text_alpha=1.0,
    variables={
        "border": "#FFFFFF",
        "border-blurred": "#BFBFBF",
        "footer-key-foreground": "#FFD500",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-background": "#FFD500",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#00E5FF 50%",
    },
)

OUR_THEMES: tuple[Theme, ...] = (CALM, HIGH_CONTRAST)
