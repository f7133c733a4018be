package fr.harmonie.rapport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reader of the PDF reads: its text in reading order, the page footers left out, one space between words. */
public final class TexteDuPdf {

    private TexteDuPdf() {
    }

    public static String lire(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return lisible(new PDFTextStripper().getText(document));
        }
    }

    /** The same, page by page. */
    public static List<String> parPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(lisible(stripper.getText(document)));
            }
            return pages;
        }
    }

    /** Without the footers (« Harmonie — … » and « page 2 / 5 »), whitespace as single spaces. */
    private static String lisible(String brut) {
        return Arrays.stream(brut.split("\\R"))
                .filter(ligne -> !ligne.startsWith("Harmonie — ") && !ligne.matches("page \\d+ / \\d+"))
                .collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ");
    }

    /**
     * The letters as the PDF maps them, before the stripper turns a ligature (« ﬁ », U+FB01) back into two letters,
     * as a copy from a viewer does not.
     */
    public static String brut(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StringBuilder lettres = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String texte, List<TextPosition> positions) {
                    positions.forEach(p -> lettres.append(p.getUnicode()));
                }
            };
            stripper.getText(document);
            return lettres.toString();
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
