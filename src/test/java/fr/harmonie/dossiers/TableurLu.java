package fr.harmonie.dossiers;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A CSV answer as a French spreadsheet reads it: BOM, semicolons, a header naming the columns, cells over several lines. */
final class TableurLu {

    private TableurLu() {
    }

    static List<CSVRecord> lignes(String corps) {
        try {
            return CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().get()
                    .parse(new StringReader(corps.startsWith("\uFEFF") ? corps.substring(1) : corps)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
