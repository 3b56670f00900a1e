using KitchenWorkflows.Engine.Privacy;

namespace KitchenWorkflows.Engine.Tests.Privacy;

/// <summary>Phones and e-mails are masked wherever they stand; names and addresses under personal keys.</summary>
public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("+7 916 555-12-67", "+7 9** *** ** 67")]
    [InlineData("8 (916) 555-12-67", "+7 9** *** ** 67")]
    [InlineData("89165551267", "+7 9** *** ** 67")]
    [InlineData("+79165551267", "+7 9** *** ** 67")]
    [InlineData("Звонок с +7 916 555-12-67, перезвонить", "Звонок с +7 9** *** ** 67, перезвонить")]
    [InlineData("ivan.petrov@example.ru", "i***@example.ru")]
    [InlineData("SMS to +79165551267 failed; reply to ivan@example.ru", "SMS to +7 9** *** ** 67 failed; reply to i***@example.ru")]
    [InlineData("+44 20 7946 0958", "+4*********58")]
    public void MaskText_PhonesAndEmails_AreMaskedInPlace(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.MaskText(text));
    }

    [Theory]
    [InlineData("0196b1e2a7c84d3f9e1b2c3d4e5f6a7b")]
    [InlineData("dt-0196b1e2a7c84d3f")]
    [InlineData("KL-2024-0107")]
    [InlineData("2026-11-25T07:06:16.1234567+00:00")]
    [InlineData("0196b1e2a7c84d3f9e1b2c3d4e5f6a7b:http:1")]
    [InlineData("ticket 4242, channel 77")]
    public void MaskText_IdsDatesAndNumbers_AreLeftAlone(string text)
    {
        Assert.Equal(text, PersonalDataMasker.MaskText(text));
    }

    [Fact]
    public void MaskDictionary_PersonalKeysWholeAtAnyDepth_OtherValuesByPattern()
    {
        var masked = PersonalDataMasker.MaskDictionary(new Dictionary<string, object?>
        {
            ["clientName"] = "Иван Петров",
            ["ClientAddress"] = "Москва, ул. Тверская, 1",
            ["phone"] = 79165551267L,
            ["ticketId"] = 4242L,
            ["callerKind"] = "existing",
            ["note"] = "позвонить на 8 916 555 12 67",
            ["client"] = new Dictionary<string, object?> { ["name"] = "Мария", ["contracts"] = new List<object?> { "KL-2024-0107" } },
            ["contacts"] = new List<object?> { new Dictionary<string, object?> { ["email"] = "maria@example.ru" } },
        });

        Assert.Equal("И*** П***", masked["clientName"]);
        Assert.Equal("М***, у***. Т***, 1***", masked["ClientAddress"]);
        Assert.Equal("+7 9** *** ** 67", masked["phone"]);
        Assert.Equal(4242L, masked["ticketId"]);
        Assert.Equal("existing", masked["callerKind"]);
        Assert.Equal("позвонить на +7 9** *** ** 67", masked["note"]);
        var client = Assert.IsType<Dictionary<string, object?>>(masked["client"]);
        Assert.Equal("М***", client["name"]);
        Assert.Equal(new List<object?> { "KL-2024-0107" }, client["contracts"]);
        var contact = Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(masked["contacts"])));
        Assert.Equal("m***@example.ru", contact["email"]);
    }
}
