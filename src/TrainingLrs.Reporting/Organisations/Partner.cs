namespace TrainingLrs.Reporting.Organisations;

/// <summary>A US supply-chain partner whose staff take the training.</summary>
/// <param name="Id">Stable slug, e.g. <c>lakeside-copack-oh</c>; lesson keys are bound to it.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">What the partner does.</param>
/// <param name="State">USPS code of the state of its site.</param>
/// <param name="LmsHomePage">Home page of the partner's LMS: the <c>homePage</c> of its learners' xAPI accounts.</param>
/// <param name="MemberIds">The members it serves (one or several).</param>
/// <param name="Contact">Who to call when the partner falls behind.</param>
public sealed record Partner(
    string Id,
    string Name,
    PartnerType Type,
    string State,
    string? LmsHomePage,
    IReadOnlyList<string> MemberIds,
    PartnerContact Contact);

/// <summary>A partner's programme contact, shown on the overdue list.</summary>
/// <param name="Name">Person's name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Phone number as written.</param>
public sealed record PartnerContact(string? Name, string? Email, string? Phone);
