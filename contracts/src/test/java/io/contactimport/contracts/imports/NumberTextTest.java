package io.contactimport.contracts.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void readsDecimalsAndMoneyAsSpreadsheetsWriteIt() {
        assertEquals(new BigDecimal("-12"), NumberText.parse(" -12 ").orElseThrow());
        assertEquals(new BigDecimal("1e3"), NumberText.parse("1e3").orElseThrow());
        assertEquals(new BigDecimal("1284.50"), NumberText.parse("$1,284.50").orElseThrow());
        assertEquals(new BigDecimal("12.00"), NumberText.parse("12.00 €").orElseThrow());
        assertEquals(new BigDecimal("-3410.75"), NumberText.parse("-$3,410.75").orElseThrow());
    }

    @Test
    void readsADecimalCommaButThreeDigitsAfterALoneCommaAreThousands() {
        assertEquals(new BigDecimal("35.00"), NumberText.parse("35,00").orElseThrow());
        assertEquals(new BigDecimal("1.2"), NumberText.parse("1,2").orElseThrow());
        assertEquals(new BigDecimal("1234.56"), NumberText.parse("1.234,56 €").orElseThrow());
        assertEquals(new BigDecimal("-1234567.5"), NumberText.parse("-1 234 567,5").orElseThrow());
        assertEquals(new BigDecimal("1500"), NumberText.parse("1,500").orElseThrow());
    }

    @Test
    void refusesWhatIsNotOneNumber() {
        for (String text : List.of("", "abc", "12,34,567", "1.2.3", "$", "10-20", "1 234", "1.234.5", ",5")) {
            assertTrue(NumberText.parse(text).isEmpty(), text);
        }
    }

    @Test
    void theHandWrittenDecimalCheckAgreesWithItsRegularExpressionOnEveryShortString() {
        Pattern plain = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
        List<String> texts = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 5; length++) {
            List<String> longer = new ArrayList<>();
            for (String text : texts) {
                if (text.length() == length - 1) {
                    for (char c : "07.eE-+x".toCharArray()) {
                        longer.add(text + c);
                    }
                }
            }
            texts.addAll(longer);
        }
        for (String text : texts) {
            assertEquals(plain.matcher(text).matches(), NumberText.isPlainDecimal(text), text);
        }
    }
}
