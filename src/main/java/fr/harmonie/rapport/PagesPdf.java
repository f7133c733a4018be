package fr.harmonie.rapport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages of French text, written top to bottom: titles, paragraphs wrapped to the width, and lines with a label
 * in a left column; a new page when one is full, and « page 2 / 5 » with a footer on each at the end.
 *
 * <p>The fonts (DejaVu Sans, in the jar with its licence) are embedded as subsets: a report prints the same
 * everywhere, and every letter the rules write (é, œ, «, », ×, →, ≤, €) has its glyph. A character the font lacks (an
 * emoji typed in an operation's name) prints as « ? » rather than failing the report; invisible format characters
 * (bidirectional overrides, zero-width joiners) are dropped, so that a name cannot print other than it reads.
 */
final class PagesPdf implements AutoCloseable {

    enum Style { NORMAL, GRAS }

    private static final float MARGE = 50;
    private static final float MARGE_BAS = 60;
    private static final PDRectangle FORMAT = PDRectangle.A4;
    private static final float LARGEUR = FORMAT.getWidth() - 2 * MARGE;

    private static final Map<Style, byte[]> POLICES = new ConcurrentHashMap<>();

    private final PDDocument document = new PDDocument();
    private final Map<Style, PDType0Font> polices = new EnumMap<>(Style.class);
    /** Parsed here and subset when the document is saved: closed with it. */
    private final List<TrueTypeFont> fontes = new ArrayList<>();
    /**
     * Whether each font has a glyph for a code point, asked once per document (a missing glyph costs an exception).
     * Not shared between reports: texts typed by users would fill it with every code point there is.
     */
    private final Map<Style, Map<Integer, Boolean>> glyphes = Map.of(Style.NORMAL, new HashMap<>(), Style.GRAS, new HashMap<>());
    private PDPageContentStream page;
    private float y;

    /** {@code identifiant}: what the file's /ID is made of, so that one evaluation always gives the same bytes. */
    PagesPdf(String titre, Calendar date, long identifiant) {
        try {
            for (Style style : Style.values()) {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(police(style)));
                // Without glyph substitutions, which set ligatures in Latin text: « fi » stays two letters, which a search
                // or a copy finds as typed (an evaluation's id with « ff » in it too). Texts are composed (NFC) beforehand.
                ttf.setEnableGsub(false);
                polices.put(style, PDType0Font.load(document, ttf, true));
                fontes.add(ttf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(imprimable(titre, Style.NORMAL));
        info.setCreator("Harmonie");
        // The sealed evaluation's date, not the time of printing: the same evaluation gives the same document.
        info.setCreationDate(date);
        document.setDocumentId(identifiant);
        document.getDocumentCatalog().setLanguage("fr-FR");
        nouvellePage();
    }

    private static byte[] police(Style style) {
        byte[] octets = POLICES.computeIfAbsent(style, s -> {
            String nom = s == Style.GRAS ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
            try (InputStream in = PagesPdf.class.getResourceAsStream("/rapport/" + nom)) {
                if (in == null) {
                    throw new IllegalStateException("Police absente du jar : rapport/" + nom);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return octets;
    }

    void titre(String texte) {
        espace(4);
        paragraphe(texte, Style.GRAS, 16, 0);
        espace(4);
    }

    void intertitre(String texte) {
        espace(12);
        if (y - 60 < MARGE_BAS) {
            nouvellePage(); // a heading is never alone at the foot of a page
        }
        paragraphe(texte, Style.GRAS, 12, 0);
        espace(3);
    }

    void paragraphe(String texte, Style style, float taille, float retrait) {
        for (String ligne : lignes(texte, style, taille, LARGEUR - retrait)) {
            ecrire(ligne, style, taille, MARGE + retrait, taille * 1.35f);
        }
    }

    void paragraphe(String texte) {
        paragraphe(texte, Style.NORMAL, 10, 0);
    }

    /** A label in bold in a left column of {@code colonne} points, the text wrapped beside it. */
    void ligneEtiquetee(String etiquette, String texte, float colonne) {
        List<String> lignes = lignes(texte, Style.NORMAL, 10, LARGEUR - colonne);
        float interligne = 10 * 1.35f;
        // A piece or an anomaly is read whole: one of a few lines goes to the next page rather than be cut in two.
        if (y - interligne * (lignes.size() <= 8 ? lignes.size() : 3) < MARGE_BAS) {
            nouvellePage();
        }
        List<String> etiquettes = lignes(etiquette, Style.GRAS, 9, colonne - 6);
        int n = Math.max(lignes.size(), etiquettes.size());
        for (int i = 0; i < n; i++) {
            if (y - interligne < MARGE_BAS) {
                nouvellePage();
            }
            if (i < etiquettes.size()) {
                texte(etiquettes.get(i), Style.GRAS, 9, MARGE, y - interligne);
            }
            if (i < lignes.size()) {
                texte(lignes.get(i), Style.NORMAL, 10, MARGE + colonne, y - interligne);
            }
            y -= interligne;
        }
        y -= 2;
    }

    void espace(float points) {
        y -= points;
    }

    byte[] octets(String pied) {
        try {
            page.close();
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream s = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    page = s;
                    texte(imprimable(pied, Style.NORMAL), Style.NORMAL, 8, MARGE, MARGE_BAS - 25);
                    String numero = "page " + (i + 1) + " / " + total;
                    texte(numero, Style.NORMAL, 8, FORMAT.getWidth() - MARGE - largeur(numero, Style.NORMAL, 8), MARGE_BAS - 25);
                }
            }
            page = null;
            ByteArrayOutputStream sortie = new ByteArrayOutputStream();
            document.save(sortie);
            return sortie.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (document) {
            for (TrueTypeFont ttf : fontes) {
                ttf.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ecrire(String ligne, Style style, float taille, float x, float interligne) {
        if (y - interligne < MARGE_BAS) {
            nouvellePage();
        }
        y -= interligne;
        texte(ligne, style, taille, x, y);
    }

    private void texte(String ligne, Style style, float taille, float x, float yLigne) {
        try {
            page.beginText();
            page.setFont(polices.get(style), taille);
            page.newLineAtOffset(x, yLigne);
            page.showText(ligne);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void nouvellePage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage nouvelle = new PDPage(FORMAT);
            document.addPage(nouvelle);
            page = new PDPageContentStream(document, nouvelle);
            y = FORMAT.getHeight() - MARGE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text cut into lines of at most {@code largeur} points: at spaces, or inside a word longer than a line. */
    private List<String> lignes(String texte, Style style, float taille, float largeur) {
        List<String> lignes = new ArrayList<>();
        for (String alinea : imprimable(texte, style).split("\n", -1)) {
            StringBuilder ligne = new StringBuilder();
            for (String mot : alinea.split(" +")) {
                String essai = ligne.length() == 0 ? mot : ligne + " " + mot;
                if (largeur(essai, style, taille) <= largeur) {
                    ligne.setLength(0);
                    ligne.append(essai);
                    continue;
                }
                if (ligne.length() > 0) {
                    lignes.add(ligne.toString());
                    ligne.setLength(0);
                }
                // A word wider than the line (a sha256, a name typed without spaces) is cut where the line ends.
                while (largeur(mot, style, taille) > largeur) {
                    int n = mot.offsetByCodePoints(0, 1);
                    while (n < mot.length() && largeur(mot.substring(0, mot.offsetByCodePoints(n, 1)), style, taille) <= largeur) {
                        n = mot.offsetByCodePoints(n, 1);
                    }
                    lignes.add(mot.substring(0, n));
                    mot = mot.substring(n);
                }
                ligne.append(mot);
            }
            lignes.add(ligne.toString());
        }
        return lignes;
    }

    private float largeur(String texte, Style style, float taille) {
        try {
            return polices.get(style).getStringWidth(texte) / 1000 * taille;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the font can print: tabs and control characters become spaces (a line break stays one), invisible format
     * characters are dropped, and a character without a glyph becomes « ? ».
     */
    private String imprimable(String texte, Style style) {
        StringBuilder sb = new StringBuilder(texte.length());
        // Composed first: « é » typed as e + combining accent (as some systems store names) prints as one letter.
        Normalizer.normalize(texte, Normalizer.Form.NFC).codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append('\n');
            } else if ((c == '\u00A0' || c == '\u202F') && glyphe(c, style)) {
                sb.append((char) c); // a space that does not break: « 5,24 € » stays on one line
            } else if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                sb.append(' ');
            } else if (Character.getType(c) == Character.FORMAT) {
                // dropped
            } else if (glyphe(c, style)) {
                sb.appendCodePoint(c);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private boolean glyphe(int c, Style style) {
        if (c < 0x7F) {
            return true;
        }
        return glyphes.get(style).computeIfAbsent(c, k -> {
            try {
                return polices.get(style).encode(new String(Character.toChars(k))).length > 0;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }
}
