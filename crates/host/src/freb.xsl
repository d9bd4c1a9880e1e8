<?xml version="1.0" encoding="UTF-8"?>
<!-- iissim's style sheet for its Failed Request Tracing files: the request summary, then one
     table row per event. Licence: MIT OR Apache-2.0. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ev="http://schemas.microsoft.com/win/2004/08/events/event">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/failedRequest">
    <html>
      <head><title>Request trace: <xsl:value-of select="@verb"/> <xsl:value-of select="@url"/></title></head>
      <body>
        <h1>Request trace</h1>
        <table class="summary">
          <tr><th>URL</th><td><xsl:value-of select="@url"/></td></tr>
          <tr><th>Verb</th><td><xsl:value-of select="@verb"/></td></tr>
          <tr><th>Status</th><td><xsl:value-of select="@statusCode"/></td></tr>
          <tr><th>Time taken</th><td><xsl:value-of select="@timeTaken"/> ms</td></tr>
          <tr><th>Site</th><td><xsl:value-of select="@siteId"/></td></tr>
        </table>
        <table class="events">
          <tr><th>#</th><th>Time</th><th>Event</th><th>Details</th></tr>
          <xsl:for-each select="ev:Event">
            <tr>
              <td><xsl:value-of select="position()"/></td>
              <td><xsl:value-of select="ev:System/ev:TimeCreated/@SystemTime"/></td>
              <td><xsl:value-of select="ev:RenderingInfo/ev:Opcode"/></td>
              <td>
                <xsl:for-each select="ev:EventData/ev:Data">
                  <xsl:value-of select="@Name"/>="<xsl:value-of select="."/>"<xsl:text> </xsl:text>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </table>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
