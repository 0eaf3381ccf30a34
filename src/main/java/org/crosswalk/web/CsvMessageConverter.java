package org.crosswalk.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.crosswalk.answers.Tabular;
import org.crosswalk.export.TableExport;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * text/csv for every list answer (content negotiation: Accept: text/csv, or ?format=csv): the answer's
 * flat table with a header row, RFC 4180 quoting.
 */
@Component
public class CsvMessageConverter extends AbstractHttpMessageConverter<Tabular> {
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    public CsvMessageConverter() {
        super(TEXT_CSV);
        // Spring picks the mapping's "text/csv"; the default charset makes it say text/csv;charset=UTF-8.
        setDefaultCharset(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return Tabular.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Tabular readInternal(Class<? extends Tabular> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is an output format here", input);
    }

    @Override
    protected void writeInternal(Tabular table, HttpOutputMessage output) throws IOException {
        TableExport.csv(table, output.getBody());
    }
}
