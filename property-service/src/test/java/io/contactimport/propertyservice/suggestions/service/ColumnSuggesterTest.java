package io.contactimport.propertyservice.suggestions.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per signal the suggestions use. */
class ColumnSuggesterTest {

    private final ColumnSuggester suggester = new ColumnSuggester();

    private List<String> targets(List<String> header, List<List<String>> rows, Map<String, String> existing) {
        return suggester.suggest(header, rows, existing, Map.of()).stream()
                .map(s -> s.target() + (s.key() == null ? "" : ":" + s.key() + ":" + s.type())).toList();
    }

    @Test
    void headersAreMatchedWhateverTheirCaseSeparatorsAccentsOrLanguage() {
        assertEquals("date de naissance", HeaderText.normalise("DATE_DE_NAISSANCE"));
        assertEquals("first name", HeaderText.normalise("firstName"));
        assertEquals("名前 姓", HeaderText.normalise("名前(姓)"));
        assertEquals(List.of("email", "first_name", "last_name"), targets(List.of("Correo electrónico", "Prénom", "Nachname"),
                List.of(List.of("a@example.com", "Ana", "Ruiz")), Map.of()));
    }

    @Test
    void valuesGuardAgainstLookAlikes() {
        // "Email consent" holds yes/no: a boolean property, not the email.
        assertEquals(List.of("email", "new_property:email_consent:boolean"), targets(List.of("Email", "Email consent"),
                List.of(List.of("a@example.com", "yes"), List.of("b@example.com", "no")), Map.of()));
    }

    @Test
    void meaninglessHeadersAreMappedByTheirValues() {
        assertEquals(List.of("new_property:col1:number", "first_name", "last_name", "email"),
                targets(List.of("col1", "col2", "col3", "col4"), List.of(
                        List.of("12", "Mary", "Lopez", "mary@example.com"),
                        List.of("7", "John", "Smith", "john@example.com")), Map.of()));
    }

    @Test
    void aFullNameIsTheFirstNameOnlyWithoutSplitNames() {
        assertEquals(List.of("email", "first_name"), targets(List.of("Email", "Name"),
                List.of(List.of("a@example.com", "Ana Ruiz")), Map.of()));
        assertEquals(List.of("first_name", "last_name", "new_property:full_name:string", "email"),
                targets(List.of("given_name", "family_name", "name", "email"),
                        List.of(List.of("Ana", "Ruiz", "Ana Ruiz", "a@example.com")), Map.of()));
    }

    @Test
    void existingPropertiesAreFilledByNameOrMeaningOnceEach() {
        assertEquals(List.of("email", "existing_property:mobile_phone:string", "new_property:phone:string"),
                targets(List.of("email", "Mobile", "Phone"),
                        List.of(List.of("a@example.com", "+44 7700 900201", "+44 20 7946 0201")),
                        Map.of("mobile_phone", "string")));
        // A number property is not filled by text.
        assertEquals(List.of("email", "new_property:score:string"), targets(List.of("email", "score"),
                List.of(List.of("a@example.com", "high")), Map.of("lead_score", "number")));
    }

    @Test
    void emptyColumnsAndSecretsAreLeftOut() {
        assertEquals(List.of("email", "ignore", "ignore"), targets(List.of("email", "facebook", "password_digest"),
                List.of(List.of("a@example.com", "", "$2a$10$abc"), List.of("b@example.com", "", "$2a$10$def")),
                Map.of()));
    }

    @Test
    void typesAreWhatTheImportWillRead() {
        assertEquals(List.of("email", "new_property:total_spend:number", "new_property:signup_date:date",
                        "new_property:amount:number"),
                targets(List.of("email", "Total Spend", "Joined", "Montant"), List.of(
                        List.of("a@example.com", "$1,284.50", "2024-02-11 15:04:22 UTC", "35,00"),
                        List.of("b@example.com", "$42.00", "2023-11-19", "1.234,50")), Map.of()));
    }

    @Test
    void dayMonthDatesAreReadInTheOrderTheFileShows() {
        List<ColumnSuggestion> suggestions = suggester.suggest(List.of("email", "First visit", "Renewed", "Started"),
                List.of(List.of("a@example.com", "15/08/2024", "01/02/2025", "03.03.2025 09:12"),
                        List.of("b@example.com", "02/11/2024", "03/04/2025", "04.03.2025 11:47")), Map.of(), Map.of());
        // 15/08 says day first; "Renewed" says nothing itself and follows the file; dots are day first anyway.
        assertEquals(List.of("DD/MM/YYYY", "DD/MM/YYYY", "DD/MM/YYYY"),
                suggestions.subList(1, 4).stream().map(ColumnSuggestion::format).toList());
        assertEquals("started_at", suggestions.get(3).key());
        List<ColumnSuggestion> american = suggester.suggest(List.of("email", "Joined Group on", "Last visit"),
                List.of(List.of("a@example.com", "04/24/2014", "03/04/2025")), Map.of(), Map.of());
        assertEquals(List.of("date", "MM/DD/YYYY", "date", "MM/DD/YYYY"), List.of(american.get(1).type(),
                american.get(1).format(), american.get(2).type(), american.get(2).format()));
        List<ColumnSuggestion> undecided = suggester.suggest(List.of("email", "Visit"),
                List.of(List.of("a@example.com", "03/04/2025")), Map.of(), Map.of());
        assertEquals("string", undecided.get(1).type(), "nothing tells 3 April from March 4");
    }

    @Test
    void aColumnWithOneValueInEveryRowIsLeftOut() {
        List<List<String>> rows = List.of(List.of("a@example.com", "default", "0", "Gold"),
                List.of("b@example.com", "default", "0", "Silver"), List.of("c@example.com", "default", "0", "Gold"));
        assertEquals(List.of("email", "ignore", "ignore", "new_property:plan:string"),
                targets(List.of("email", "_store", "Disputed?", "Plan"), rows, Map.of()));
    }

    @Test
    void secretsAreLeftOutByTheirHeaderOrWithoutOneByTheirValues() {
        assertEquals(List.of("email", "ignore", "ignore", "ignore"),
                targets(List.of("col1", "user_pass", "License Key", "col4"), List.of(
                        List.of("a@example.com", "$P$BvXk2mQq9Lr0Tn5Wc8Yd3Ze7Hf1Js6.", "8F3A1C2D-4B5E6F70",
                                "gw4HvB45jxASvUrO+uy9OA=="),
                        List.of("b@example.com", "$P$B8Lr0Tn5Wc8Yd3Ze7Hf1Js6kX2mQq9", "A1B2C3D4-E5F60718",
                                "Qm4r8Zt2Lk9Xv1Bn6Cy3De==")), Map.of()));
    }

    @Test
    void aBareHeaderFillsASpecificPropertyOnlyWithValuesOfItsKind() {
        Map<String, String> existing = Map.of("job_title", "string", "subscription_status", "string");
        assertEquals(List.of("email", "new_property:title:string", "new_property:status:string"),
                targets(List.of("email", "title", "status"), List.of(List.of("a@example.com", "Leader", "Admin"),
                        List.of("b@example.com", "Regular", "Member")), existing));
        assertEquals(List.of("email", "existing_property:job_title:string",
                        "existing_property:subscription_status:string"),
                targets(List.of("email", "Title", "Status"), List.of(
                        List.of("a@example.com", "Purchasing Manager", "subscribed"),
                        List.of("b@example.com", "CFO", "unsubscribed")), existing));
    }

    @Test
    void yesNoUnderAHeaderAboutMessagesIsConsentToThoseMessages() {
        Map<String, String> existing = Map.of("newsletter_opt_in", "boolean", "email_opt_out", "boolean");
        assertEquals(List.of("email", "existing_property:newsletter_opt_in:boolean",
                        "existing_property:email_opt_out:boolean", "new_property:receive_review_emails:boolean"),
                targets(List.of("email", "Mailing List", "Do not contact?", "Receive Review Emails?"), List.of(
                        List.of("a@example.com", "Yes", "0", "Y"), List.of("b@example.com", "No", "1", "N")),
                        existing));
    }

    @Test
    void aThingsNameIsNotThePersonsAndTheAddressGivenEverywhereIsTheContacts() {
        assertEquals(List.of("new_property:item_name:string", "first_name", "email", "new_property:buyer_email:string"),
                targets(List.of("Item Name", "Buyer Name", "Purchase Email", "Buyer Email"), List.of(
                        List.of("Course", "Ana Ruiz", "ana@example.com", ""),
                        List.of("Ebook", "Li Wei", "li@example.com", "li@example.org")), Map.of()));
    }

    @Test
    void aFileInAnotherLanguageIsReadInItEvenWhereItsWordsAreEnglishToo() {
        assertEquals(List.of("email", "first_name", "last_name", "existing_property:company:string",
                        "new_property:promo_code:string", "new_property:birth_date:date"),
                targets(List.of("Email payeur", "Prénom payeur", "Nom payeur", "Raison sociale", "Code promo",
                        "Date de naissance"), List.of(
                        List.of("a@example.fr", "Margot", "Lefèvre", "Atelier SARL", "FAMILLE25", "23/08/1988"),
                        List.of("b@example.fr", "Luc", "Martin", "", "", "14/11/1995")),
                        Map.of("company", "string")));
    }

    @Test
    void keysOfInstantsEndInAt() {
        assertEquals("started_at", HeaderText.instantKey("started", false));
        assertEquals("deal_closed_at", HeaderText.instantKey("deal_closed_date", true));
        assertEquals("deal_closed_date", HeaderText.instantKey("deal_closed_date", false));
        assertEquals("updated_at", HeaderText.instantKey("modified_time", true));
        assertEquals("date_joined", HeaderText.instantKey("date_joined", false));
    }

    @Test
    void whatTheTeamConfirmedWins() {
        var remembered = Map.of("kundennummer", new ColumnSuggester.Remembered("new_property", "customer_number", "string"));
        assertEquals("customer_number", suggester.suggest(List.of("email", "Kundennummer"),
                List.of(List.of("a@example.com", "K-1")), Map.of(), remembered).get(1).key());
    }

    @Test
    void theEmbeddingModelFillsAnExistingPropertyCloseInMeaning() {
        ColumnSuggester withModel = new ColumnSuggester(KeyEmbeddings.loadedNow());
        List<ColumnSuggestion> suggestions = withModel.suggest(List.of("email", "Favourite colour", "Hometown", "Shoe size"),
                List.of(List.of("a@example.com", "green", "Leeds", "42")),
                Map.of("preferred_color", "string", "city", "string", "company_size", "number"), Map.of());
        assertEquals(List.of("email", "existing_property:preferred_color", "existing_property:city", "new_property:shoe_size"),
                suggestions.stream().map(s -> s.target() + (s.key() == null ? "" : ":" + s.key())).toList());
        assertEquals("close in meaning to your property `preferred_color`", suggestions.get(1).reason());
    }
}
