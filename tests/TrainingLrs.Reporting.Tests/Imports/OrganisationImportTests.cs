using TrainingLrs.Lrs.Storage;
using TrainingLrs.Reporting.Imports;
using TrainingLrs.Reporting.Organisations;

namespace TrainingLrs.Reporting.Tests.Imports;

public sealed class OrganisationImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "traininglrs-tests", Guid.NewGuid().ToString("N"));
    private readonly LrsDatabase _database;
    private readonly LiteDbOrganisationStore _store;
    private readonly OrganisationImporter _importer;

    public OrganisationImportTests()
    {
        _database = LrsDatabase.Open(_folder);
        _store = new LiteDbOrganisationStore(_database);
        _importer = new OrganisationImporter(_store);
        var members = _importer.ImportMembers(new StringReader("id,name\nnorthwind,Northwind Foods\ncontoso,Contoso Brands\n"), "members.csv");
        Assert.True(members.Succeeded, string.Join("\n", members.Problems));
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private const string Header = "id,name,type,state,members,lms_home_page,contact_name,contact_email,contact_phone\n";

    [Fact]
    public void A_valid_partner_file_is_imported_with_every_field()
    {
        var result = _importer.ImportPartners(new StringReader(Header +
            "lakeside-copack,Lakeside Co-Pack,co-packer,oh,northwind;contoso,https://lms.lakeside.example,Ana Ruiz,ana@lakeside.example,+1 614 555 0100\n"), "partners.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(new UpsertCounts(1, 0, 0), result.Counts);
        var partner = Assert.Single(_store.Partners());
        Assert.Equal(PartnerType.CoPacker, partner.Type);
        Assert.Equal("OH", partner.State);
        Assert.Equal(["northwind", "contoso"], partner.MemberIds);
        Assert.Equal("ana@lakeside.example", partner.Contact.Email);
        Assert.Single(_store.PartnersOf("contoso"));
    }

    [Fact]
    public void Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var file = Header + "a-staffing,A Staffing,staffing-agency,TX,northwind,,,,\nb-clean,B Sanitation,service-provider,IA,contoso,,,,\n";

        _importer.ImportPartners(new StringReader(file), "p.csv");
        var second = _importer.ImportPartners(new StringReader(file), "p.csv");

        Assert.Equal(new UpsertCounts(0, 0, 2), second.Counts);
        Assert.Equal(2, _store.Partners().Count);
    }

    [Fact]
    public void A_changed_row_updates_the_partner_in_place()
    {
        _importer.ImportPartners(new StringReader(Header + "a-staffing,A Staffing,labor-provider,TX,northwind,,,,\n"), "p.csv");

        var result = _importer.ImportPartners(new StringReader(Header + "a-staffing,A Staffing LLC,labor-provider,TX,northwind;contoso,,,,\n"), "p.csv");

        Assert.Equal(new UpsertCounts(0, 1, 0), result.Counts);
        Assert.Equal("A Staffing LLC", _store.FindPartner("a-staffing")!.Name);
        Assert.Single(_store.PartnersOf("contoso"));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_nothing_is_applied()
    {
        var result = _importer.ImportPartners(new StringReader(Header +
            "good-one,Good,co-packer,OH,northwind,,,,\n" +
            "bad-type,Bad,packer,OH,northwind,,,,\n" +
            "bad-state,Bad,co-packer,ZZ,northwind,,,,\n" +
            "bad-member,Bad,co-packer,OH,acme,,,,\n" +
            "Bad Id,Bad,co-packer,OH,northwind,,,,\n" +
            "good-one,Duplicate,co-packer,OH,northwind,,,,\n" +
            "bad-mail,Bad,co-packer,OH,northwind,ftp://x,,not-an-email,\n"), "partners.csv");

        Assert.False(result.Succeeded);
        Assert.Empty(_store.Partners());
        var messages = result.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains("partners.csv:3: type: 'packer' is not one of co-packer, co-manufacturer, labor-provider, service-provider", messages);
        Assert.Contains(messages, m => m.StartsWith("partners.csv:4: state:", StringComparison.Ordinal));
        Assert.Contains("partners.csv:5: members: member 'acme' is not known (import members first)", messages);
        Assert.Contains(messages, m => m.StartsWith("partners.csv:6: id:", StringComparison.Ordinal));
        Assert.Contains("partners.csv:7: id: 'good-one' already appears on line 2", messages);
        Assert.Contains(messages, m => m.StartsWith("partners.csv:8: lms_home_page:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("partners.csv:8: contact_email:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_an_unknown_or_missing_column_is_refused_at_the_header()
    {
        var result = _importer.ImportPartners(new StringReader("id,name,kind,state,members\nx,X,co-packer,OH,northwind\n"), "p.csv");

        Assert.Contains("p.csv:1: kind: unknown column (known: id, name, type, state, members, lms_home_page, contact_name, contact_email, contact_phone)", result.Problems.Select(p => p.ToString()));
        Assert.Contains("p.csv:1: type: required column is missing", result.Problems.Select(p => p.ToString()));
        Assert.Empty(_store.Partners());
    }

    [Fact]
    public void An_empty_file_is_a_problem_not_a_silent_success()
    {
        var result = _importer.ImportPartners(new StringReader(""), "p.csv");

        Assert.False(result.Succeeded);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Quoted_fields_with_commas_and_line_breaks_are_read_and_lines_still_count()
    {
        var result = _importer.ImportPartners(new StringReader(Header +
            "\"quoted\",\"Smith, Jones & Co\",co-manufacturer,CA,northwind,,\"Line\nBreak\",,\n" +
            "after,After,co-packer,XX,northwind,,,,\n"), "p.csv");

        Assert.Contains("p.csv:4: state: 'XX' is not a US state or territory code such as OH or TX", result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported()
    {
        var result = _importer.ImportMembers(new StringReader("id,name\nacme,Acme,extra\n"), "m.csv");

        Assert.Equal("m.csv:2: 3 fields but the header has 2", Assert.Single(result.Problems).ToString());
    }
}
